import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '@/data/parse-dataset.ts';
import {
  buildActorIndex,
  computeResults,
  suggestRelaxations,
  type ResultQuery,
} from '@/domain/results.ts';
import { EMPTY_FILTERS } from '@/domain/url-state.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';

const published = checkDataDir(join(import.meta.dirname, '../../data')).published;
const dataset = parseDataset(JSON.parse(JSON.stringify(published)));
const index = buildActorIndex(dataset);
const base: ResultQuery = {
  q: '',
  filters: EMPTY_FILTERS,
  sort: 'relevance',
  inView: null,
  center: null,
};
const ids = (q: Partial<ResultQuery>) =>
  [...computeResults(index, { ...base, ...q }).order].map((i) => index.actors[i]!.id);

describe('results on the shipped dataset', () => {
  it('finds Södertälje Science Park first for "sodertalje"', () => {
    expect(ids({ q: 'sodertalje' })[0]).toBe('sodertalje-science-park');
  });

  it('finds Flemingsberg Science for "flemingsberg science"', () => {
    expect(ids({ q: 'flemingsberg science' })[0]).toBe('flemingsberg-science');
  });

  it('matches acronyms exactly: KI finds KI and KI Science Park, not Kista or Kungliga', () => {
    expect(ids({ q: 'KI' })).toEqual(['karolinska-institutet', 'ki-science-park']);
    expect(ids({ q: 'SSP' })).toEqual(['sodertalje-science-park']);
    expect(ids({ q: 'KTH' })).toEqual(['kth']);
  });

  it('finds an actor by its former name', () => {
    expect(ids({ q: 'uppsala bio' })).toContain('uppsala-bio');
  });

  it('gives exactly the project owner and partners of Stockholm Life Tech (plus pilots and funder)', () => {
    const members = dataset.actors
      .filter((a) => a.programmes.some((p) => p.programme === 'stockholm-life-tech'))
      .map((a) => a.id);
    expect(
      ids({ filters: { ...EMPTY_FILTERS, programme: ['stockholm-life-tech'] } }).sort(),
    ).toEqual(members.sort());
    expect(members).toEqual(
      expect.arrayContaining([
        'region-stockholm',
        'akademiska-hus',
        'karolinska-institutet',
        'ki-science-park',
        'karolinska-universitetssjukhuset',
        'stockholm-science-city',
        'flemingsberg-science',
      ]),
    );
  });

  it('sorts by name the Swedish way: å, ä and ö after z', () => {
    const names = ids({ sort: 'name' }).map((id) => dataset.actorById.get(id)!.name);
    const firstÖ = names.findIndex((n) => /^[ÅÄÖ]/.test(n));
    const lastZ = names.findLastIndex((n) => /^[A-Z]/i.test(n));
    expect(firstÖ === -1 || firstÖ > lastZ).toBe(true);
    expect(names.indexOf('Scania')).toBeLessThan(names.indexOf('Södertälje kommun'));
  });

  it('sorts by distance from the map centre, actors without a place last', () => {
    const order = ids({ sort: 'distance', center: [17.94278, 59.21944] });
    expect(dataset.actorById.get(order[0]!)?.location?.siteName).toMatch(/Flemingsberg/);
    expect(dataset.actorById.get(order[order.length - 1]!)?.coordinates).toBeNull();
  });

  it('keeps only actors in the map view when asked', () => {
    const flemingsberg = ids({ inView: [17.9, 59.2, 18.0, 59.25] });
    expect(flemingsberg).toContain('ana-futura');
    expect(flemingsberg).not.toContain('kth');
  });

  it('suggests which constraint to drop when nothing matches', () => {
    const q: ResultQuery = {
      ...base,
      q: 'scania',
      filters: { ...EMPTY_FILTERS, kind: ['hospital'] },
    };
    expect(computeResults(index, q).order).toHaveLength(0);
    expect(suggestRelaxations(index, q)).toEqual([
      { kind: 'facet', facet: 'kind', count: 1 },
      { kind: 'query', count: 1 },
    ]);
  });
});
