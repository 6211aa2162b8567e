import { describe, expect, it } from 'vitest';
import { COLOCATED_ICON, groupPlaces, placesToGeoJSON } from '@/domain/places.ts';
import { boundsOf } from '@/domain/region.ts';

const columns = {
  ids: ['a', 'b', 'c', 'fund'],
  names: ['Alfa', 'Beta', 'Gamma', 'Fonden'],
  kinds: ['university', 'sme', 'sme', 'funder'],
  lon: Float64Array.from([17.94278, 17.94278, 18.07, Number.NaN]),
  lat: Float64Array.from([59.21944, 59.21944, 59.34, Number.NaN]),
};

describe('places', () => {
  it('groups actors at the same point into one place and leaves out actors without a place', () => {
    const places = groupPlaces([0, 1, 2, 3], columns);
    expect(places.map((p) => p.members)).toEqual([[0, 1], [2]]);
  });

  it('follows the given order and subset', () => {
    expect(groupPlaces([2, 1], columns).map((p) => p.members)).toEqual([[2], [1]]);
  });

  it('gives a shared place the stack icon and a single one its kind icon and name', () => {
    const fc = placesToGeoJSON(groupPlaces([0, 1, 2, 3], columns), columns);
    expect(
      fc.features.map((f) => [f.properties.icon, f.properties.count, f.properties.label]),
    ).toEqual([
      [COLOCATED_ICON, 2, ''],
      ['kind:sme', 1, 'Gamma'],
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
