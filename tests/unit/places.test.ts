import { describe, expect, it } from 'vitest';
import { parseDataset } from '@/data/parse-dataset.ts';
import { COLOCATED_ICON, groupPlaces, placesToGeoJSON } from '@/domain/places.ts';
import { boundsOf } from '@/domain/region.ts';
import { dataset, feature } from '../fixtures/make-dataset.ts';

describe('places', () => {
  const d = parseDataset(
    dataset([
      feature({ id: 'a', coordinates: [17.94278, 59.21944], kind: 'university' }),
      feature({ id: 'b', coordinates: [17.94278, 59.21944], kind: 'sme' }),
      feature({ id: 'c', coordinates: [18.07, 59.34] }),
      feature({ id: 'fund', coordinates: null }),
    ]),
  );

  it('groups actors at the same point into one place and leaves out actors without a place', () => {
    const places = groupPlaces(d.actors);
    expect(places.map((p) => p.actorIds)).toEqual([['a', 'b'], ['c']]);
    expect(places[0]?.kind).toBeNull();
    expect(places[1]?.kind).toBe('sme');
  });

  it('gives a shared place the stack icon and a single one its kind icon', () => {
    const fc = placesToGeoJSON(groupPlaces(d.actors), d.actorById);
    expect(fc.features.map((f) => [f.properties.icon, f.properties.count])).toEqual([
      [COLOCATED_ICON, 2],
      ['kind:sme', 1],
    ]);
  });

  it('computes bounds of points', () => {
    expect(
      boundsOf([
        [1, 2],
        [3, -1],
      ]),
    ).toEqual([1, -1, 3, 2]);
    expect(boundsOf([])).toBeNull();
  });
});
