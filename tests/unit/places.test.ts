import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import {
  CLUSTER_OPTIONS,
  clusterPlaces,
  clusteringToGeoJSON,
  sameFeatures,
} from '@/domain/cluster.ts';
import {
  COLOCATED_ICON,
  buildPlaceIndex,
  membersAt,
  mercatorY,
  placeIdOf,
  placeKey,
  resultPlaces,
} from '@/domain/places.ts';
import { OVERVIEW_BBOX, boundsOf, type BBox } from '@/domain/region.ts';

const columns = {
  ids: ['a', 'b', 'c', 'fund'],
  names: ['Alfa', 'Beta', 'Gamma', 'Fonden'],
  kinds: ['university', 'sme', 'sme', 'funder'],
  lon: Float64Array.from([17.94278, 17.94278, 18.07, Number.NaN]),
  lat: Float64Array.from([59.21944, 59.21944, 59.34, Number.NaN]),
};
const WORLD: BBox = [-180, -85, 180, 85];

describe('places', () => {
  const places = buildPlaceIndex(columns);

  it('groups actors at the same point into one place and leaves out actors without a place', () => {
    expect([...places.placeOf]).toEqual([0, 0, 1, -1]);
    expect(places.size).toBe(2);
    expect(placeIdOf(places, 0)).toBe(placeKey([17.94278, 59.21944]));
  });

  it('counts results per place, in result order, with their bounds', () => {
    const r = resultPlaces([2, 1, 3], places);
    expect([...r.list]).toEqual([1, 0]);
    expect([...r.count]).toEqual([1, 1]);
    expect([...r.first]).toEqual([1, 2]);
    expect(r.bounds).toEqual([17.94278, 59.21944, 18.07, 59.34]);
    expect(resultPlaces([3], places).bounds).toBeNull();
  });

  it('lists the results at given places, in result order', () => {
    expect(membersAt([2, 1, 0, 3], places, new Set([0]))).toEqual([1, 0]);
  });

  it('projects latitude as Web Mercator does', () => {
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.0511287798)).toBeCloseTo(0, 6);
  });

  it('gives a shared place the stack icon and a single one its kind icon and name', () => {
    const r = resultPlaces([0, 1, 2, 3], places);
    const clustering = clusterPlaces(places, r, { zoom: 14, bounds: WORLD });
    const geo = clusteringToGeoJSON(clustering, places, r, columns);
    expect(
      geo.features.map((f) =>
        f.properties.cluster ? null : [f.properties.icon, f.properties.count, f.properties.label],
      ),
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

/** n actors at random points over the map's area, some sharing a point. */
const scatter = fc
  .array(
    fc.record({
      lon: fc.double({ min: OVERVIEW_BBOX[0], max: OVERVIEW_BBOX[2], noNaN: true }),
      lat: fc.double({ min: OVERVIEW_BBOX[1], max: OVERVIEW_BBOX[3], noNaN: true }),
      copies: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 1, maxLength: 300 },
  )
  .map((points) => {
    const lon: number[] = [];
    const lat: number[] = [];
    for (const p of points)
      for (let c = 0; c < p.copies; c++) {
        lon.push(p.lon);
        lat.push(p.lat);
      }
    return { lon: Float64Array.from(lon), lat: Float64Array.from(lat) };
  });

describe('clustering', () => {
  it('accounts for every result exactly once, at any zoom', () => {
    fc.assert(
      fc.property(scatter, fc.integer({ min: 0, max: 15 }), (cols, zoom) => {
        const places = buildPlaceIndex(cols);
        const order = Uint32Array.from(cols.lon.keys());
        const r = resultPlaces(order, places);
        const c = clusterPlaces(places, r, { zoom, bounds: WORLD });
        expect(c.items.reduce((n, item) => n + item.actors, 0)).toBe(order.length);
        // The items' places partition the places.
        const all = c.items.flatMap((_, k) => c.placesOf(k)).sort((a, b) => a - b);
        expect(all).toEqual([...r.list].sort((a, b) => a - b));
        for (const [k, item] of c.items.entries()) {
          expect(item.places).toBe(c.placesOf(k).length);
          const [w, s, e, n] = item.bounds;
          expect(item.lon).toBeGreaterThanOrEqual(w - 1e-9);
          expect(item.lon).toBeLessThanOrEqual(e + 1e-9);
          expect(item.lat).toBeGreaterThanOrEqual(s - 1e-9);
          expect(item.lat).toBeLessThanOrEqual(n + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('accounts for every result exactly once when the results are a few of many places', () => {
    // Every 30th actor: fewer result places than an eighth of all, so only theirs are visited.
    fc.assert(
      fc.property(scatter, fc.integer({ min: 0, max: 15 }), (cols, zoom) => {
        const places = buildPlaceIndex(cols);
        const order = Uint32Array.from(cols.lon.keys()).filter((i) => i % 30 === 0);
        const r = resultPlaces(order, places);
        const c = clusterPlaces(places, r, { zoom, bounds: WORLD });
        expect(c.items.reduce((n, item) => n + item.actors, 0)).toBe(order.length);
        const all = c.items.flatMap((_, k) => c.placesOf(k)).sort((a, b) => a - b);
        expect(all).toEqual([...r.list].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('draws every place on its own above the clustering zoom', () => {
    fc.assert(
      fc.property(scatter, (cols) => {
        const places = buildPlaceIndex(cols);
        const r = resultPlaces(Uint32Array.from(cols.lon.keys()), places);
        const c = clusterPlaces(places, r, { zoom: CLUSTER_OPTIONS.maxZoom + 1, bounds: WORLD });
        expect(c.items).toHaveLength(places.size);
        expect(c.items.every((item) => item.place >= 0)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps every cell when there are many, zoomed in and out', () => {
    // 40 × 25 places on a grid, with 1 to 3 actors each: more cells than the first allocation.
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 25; j++)
        for (let k = 0; k <= (i + j) % 3; k++) {
          lon.push(12 + i * 0.2);
          lat.push(56 + j * 0.2);
        }
    const places = buildPlaceIndex({ lon: Float64Array.from(lon), lat: Float64Array.from(lat) });
    const r = resultPlaces(Uint32Array.from(lon.keys()), places);
    for (const zoom of [5, 8, CLUSTER_OPTIONS.maxZoom + 1]) {
      const c = clusterPlaces(places, r, { zoom, bounds: WORLD });
      expect(c.items.reduce((n, item) => n + item.actors, 0)).toBe(lon.length);
      expect(c.items.reduce((n, item) => n + item.places, 0)).toBe(1000);
      if (zoom > CLUSTER_OPTIONS.maxZoom) {
        expect(c.items).toHaveLength(1000);
        for (const item of c.items) {
          expect(item.bounds).toEqual([item.lon, item.lat, item.lon, item.lat]);
          expect(item.actors).toBe(r.count[item.place]);
        }
      }
    }
  });

  it('merges nearby places at low zoom and separates them when zoomed in', () => {
    const cols = {
      lon: Float64Array.from([18.0, 18.01, 12.0]),
      lat: Float64Array.from([59.3, 59.3, 57.7]),
    };
    const places = buildPlaceIndex(cols);
    const r = resultPlaces([0, 1, 2], places);
    const low = clusterPlaces(places, r, { zoom: 6, bounds: WORLD });
    expect(low.items.map((i) => [i.place, i.actors]).sort()).toEqual([
      [-1, 2],
      [2, 1],
    ]);
    const high = clusterPlaces(places, r, { zoom: 12, bounds: WORLD });
    expect(high.items).toHaveLength(3);
  });

  it('keeps only what is in view', () => {
    const cols = { lon: Float64Array.from([18.0, 12.0]), lat: Float64Array.from([59.3, 57.7]) };
    const places = buildPlaceIndex(cols);
    const r = resultPlaces([0, 1], places);
    const c = clusterPlaces(places, r, { zoom: 8, bounds: [17, 59, 19, 60] });
    expect(c.items.map((i) => i.place)).toEqual([0]);
  });

  it('does not move clusters when the map pans: the grid is tied to the world, not the view', () => {
    fc.assert(
      fc.property(scatter, fc.integer({ min: 3, max: 10 }), (cols, zoom) => {
        const places = buildPlaceIndex(cols);
        const r = resultPlaces(Uint32Array.from(cols.lon.keys()), places);
        const a = clusterPlaces(places, r, { zoom, bounds: WORLD });
        const b = clusterPlaces(places, r, { zoom, bounds: [-170, -80, 170, 80] });
        expect(b.items).toEqual(a.items);
      }),
      { numRuns: 50 },
    );
  });
});

describe('comparing what the map is handed', () => {
  // The map asks MapLibre for a repaint only when react-map-gl will not hand it the data (equal
  // to the last, by its deep comparison): sameFeatures must say "equal" exactly then.
  it('finds two collections equal exactly when a deep comparison does', () => {
    fc.assert(
      fc.property(
        scatter,
        fc.integer({ min: 0, max: 15 }),
        fc.array(fc.nat(), { maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 2 }),
        (cols, zoom, dropA, dropB) => {
          const places = buildPlaceIndex(cols);
          const names = Array.from(cols.lon, (_, i) => `Aktör ${i}`);
          const kinds = Array.from(cols.lon, (_, i) => (i % 3 === 0 ? 'sme' : 'university'));
          const handed = (drop: number[]) => {
            const gone = new Set(drop.map((d) => d % cols.lon.length));
            const order = Uint32Array.from(cols.lon.keys()).filter((i) => !gone.has(i));
            const r = resultPlaces(order, places);
            const c = clusterPlaces(places, r, { zoom, bounds: WORLD });
            return clusteringToGeoJSON(c, places, r, { names, kinds });
          };
          const a = handed(dropA);
          const b = handed(dropB);
          expect(sameFeatures(a, b)).toBe(isDeepStrictEqual(a, b));
          expect(sameFeatures(a, handed(dropA))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells a changed count, label or position apart', () => {
    const places = buildPlaceIndex(columns);
    const r = resultPlaces([0, 1, 2, 3], places);
    const geo = clusteringToGeoJSON(
      clusterPlaces(places, r, { zoom: 14, bounds: WORLD }),
      places,
      r,
      columns,
    );
    const copy = () => structuredClone(geo);
    expect(sameFeatures(geo, copy())).toBe(true);
    const count = copy();
    if (!count.features[0]!.properties.cluster) count.features[0]!.properties.count += 1;
    expect(sameFeatures(geo, count)).toBe(false);
    const label = copy();
    if (!label.features[1]!.properties.cluster) label.features[1]!.properties.label = 'Annan';
    expect(sameFeatures(geo, label)).toBe(false);
    const moved = copy();
    moved.features[0]!.geometry.coordinates[0] += 1e-9;
    expect(sameFeatures(geo, moved)).toBe(false);
    expect(sameFeatures(geo, { ...geo, features: geo.features.slice(1) })).toBe(false);
  });
});
