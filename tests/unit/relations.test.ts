import { describe, expect, it } from 'vitest';
import { parseDataset } from '@/data/parse-dataset.ts';
import { buildProgrammeIndex, buildRelationIndex, groupRelations } from '@/domain/relations.ts';
import { dataset, feature } from '../fixtures/make-dataset.ts';

const rel = (type: string, target: string) => ({ type, target, sources: ['test-source'] });

describe('relation index', () => {
  it('shows a relation from both ends', () => {
    const d = parseDataset(
      dataset([
        feature({ id: 'park', relations: [rel('owned-by', 'town')] }),
        feature({ id: 'town' }),
      ]),
    );
    const index = buildRelationIndex(d.actors);
    expect(index.get('park')).toEqual([
      expect.objectContaining({ type: 'owned-by', direction: 'out', otherId: 'town' }),
    ]);
    expect(index.get('town')).toEqual([
      expect.objectContaining({ type: 'owned-by', direction: 'in', otherId: 'park' }),
    ]);
  });

  it('is harmless on cycles', () => {
    const d = parseDataset(
      dataset([
        feature({ id: 'a', relations: [rel('partner-of', 'b')] }),
        feature({ id: 'b', relations: [rel('partner-of', 'c')] }),
        feature({ id: 'c', relations: [rel('partner-of', 'a')] }),
      ]),
    );
    const index = buildRelationIndex(d.actors);
    for (const id of ['a', 'b', 'c']) expect(index.get(id)).toHaveLength(2);
  });

  it('groups by type and direction', () => {
    const d = parseDataset(
      dataset([
        feature({
          id: 'p',
          relations: [rel('owned-by', 'x'), rel('owned-by', 'y'), rel('funded-by', 'x')],
        }),
        feature({ id: 'x' }),
        feature({ id: 'y' }),
      ]),
    );
    const groups = groupRelations(buildRelationIndex(d.actors).get('p') ?? []);
    expect(groups.map((g) => [g.key, g.items.length])).toEqual([
      ['owned-by:out', 2],
      ['funded-by:out', 1],
    ]);
  });

  it('indexes programme members with their roles', () => {
    const d = parseDataset(
      dataset([
        feature({
          id: 'a',
          programmes: [{ programme: 'test-programme', role: 'owner', sources: [] }],
        }),
        feature({
          id: 'b',
          programmes: [{ programme: 'test-programme', role: 'partner', sources: [] }],
        }),
      ]),
    );
    const members = buildProgrammeIndex(d.actors).get('test-programme');
    expect(members?.map((m) => [m.actorId, m.role])).toEqual([
      ['a', 'owner'],
      ['b', 'partner'],
    ]);
  });
});
