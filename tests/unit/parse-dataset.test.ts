import { describe, expect, it } from 'vitest';
import { DatasetFormatError, parseDataset, recordLabel } from '@/data/parse-dataset.ts';
import { dataset, feature } from '../fixtures/make-dataset.ts';

describe('parseDataset', () => {
  it('parses a valid dataset and indexes it by id', () => {
    const d = parseDataset(
      dataset([feature({ id: 'a' }), feature({ id: 'b', coordinates: null })]),
    );
    expect(d.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(d.actorById.get('a')?.coordinates).toEqual([18, 59.3]);
    expect(d.actorById.get('b')?.coordinates).toBeNull();
    expect(d.problems).toEqual([]);
    expect(d.recordCount).toBe(2);
  });

  it('keeps the valid records when some are invalid, and reports each invalid one', () => {
    const broken = { type: 'Feature', id: 'broken', geometry: null, properties: { id: 'broken' } };
    const d = parseDataset(dataset([feature({ id: 'a' }), broken, 'not even an object']));
    expect(d.actors.map((a) => a.id)).toEqual(['a']);
    const excluded = new Set(
      d.problems.filter((p) => p.effect === 'record-excluded').map((p) => p.recordId),
    );
    expect(excluded).toEqual(new Set(['broken', '#3']));
    expect(d.recordCount).toBe(3);
  });

  it('throws a DatasetFormatError when the envelope itself is wrong', () => {
    expect(() => parseDataset({ type: 'FeatureCollection', features: [] })).toThrow(
      DatasetFormatError,
    );
    expect(() => parseDataset([])).toThrow(DatasetFormatError);
    expect(() => parseDataset(null)).toThrow(DatasetFormatError);
  });

  it('keeps the first of two records with the same id', () => {
    const d = parseDataset(
      dataset([feature({ id: 'a', name: 'Första' }), feature({ id: 'a', name: 'Andra' })]),
    );
    expect(d.actors).toHaveLength(1);
    expect(d.actors[0]?.name).toBe('Första');
    expect(d.problems.some((p) => p.code === 'duplicate-id' && p.recordId === 'a')).toBe(true);
  });

  it('leaves out a record with an unknown kind and says why', () => {
    const d = parseDataset(dataset([feature({ id: 'a', kind: 'spaceship' })]));
    expect(d.actors).toHaveLength(0);
    expect(d.problems[0]).toMatchObject({
      code: 'unknown-reference',
      recordId: 'a',
      field: 'kind',
      effect: 'record-excluded',
    });
  });

  it('drops dangling relations, unknown sectors and unknown programmes but keeps the actor', () => {
    const d = parseDataset(
      dataset([
        feature({
          id: 'a',
          sectors: ['life-science', 'astrology'],
          relations: [
            { type: 'owned-by', target: 'nobody', sources: ['test-source'] },
            { type: 'owned-by', target: 'b', sources: ['test-source'] },
          ],
          programmes: [{ programme: 'no-such-programme', role: 'member', sources: [] }],
        }),
        feature({ id: 'b' }),
      ]),
    );
    const a = d.actorById.get('a');
    expect(a?.sectors).toEqual(['life-science']);
    expect(a?.relations.map((r) => r.target)).toEqual(['b']);
    expect(a?.programmes).toEqual([]);
    const dropped = d.problems.filter((p) => p.effect === 'value-dropped').map((p) => p.field);
    expect(dropped).toEqual(
      expect.arrayContaining(['sectors', 'relations.0.target', 'programmes.0.programme']),
    );
  });

  it('labels unparseable records by position when they have no usable id', () => {
    expect(recordLabel({ properties: { id: 'ok-id' } }, 0)).toBe('ok-id');
    expect(recordLabel({ id: '<script>' }, 4)).toBe('#5');
    expect(recordLabel(42, 1)).toBe('#2');
  });
});

describe('coordinates outside the map', () => {
  it('lists the actor without drawing it, and says the pair looks swapped', () => {
    const d = parseDataset(
      dataset([
        feature({ id: 'swapped', coordinates: [59.3, 18.0] }),
        feature({ id: 'far', coordinates: [-70, -30] }),
      ]),
    );
    expect(d.actorById.get('swapped')?.coordinates).toBeNull();
    expect(d.actorById.get('far')?.coordinates).toBeNull();
    expect(d.problems.map((p) => [p.recordId, p.code, p.params?.swapped])).toEqual([
      ['swapped', 'coordinates-outside-map', 1],
      ['far', 'coordinates-outside-map', 0],
    ]);
  });
});
