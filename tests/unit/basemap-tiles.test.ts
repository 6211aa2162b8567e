import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { BASEMAP_TILESETS, tileRange, type BasemapTileset } from '@/domain/basemap-tilesets.ts';
import { cutTiles } from '../../scripts/lib/basemap-tiles.ts';

describe('tileRange', () => {
  it('finds the tile of a point as the usual slippy-map formula does', () => {
    // Stockholm's centre at zoom 10; the y by the textbook form with tan and sec.
    const [lon, lat] = [18.0686, 59.3293];
    const n = 2 ** 10;
    const rad = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
    expect(tileRange([lon, lat, lon, lat], 10)).toEqual({ x0: 563, x1: 563, y0: y, y1: y });
  });

  it('covers a box with the tiles of its corners, north at the top, and stays on the map', () => {
    expect(tileRange([16.4, 58.6, 19.3, 60.3], 0)).toEqual({ x0: 0, x1: 0, y0: 0, y1: 0 });
    const r = tileRange([16.4, 58.6, 19.3, 60.3], 8);
    expect(r.x0).toBeLessThan(r.x1);
    expect(r.y0).toBeLessThan(r.y1);
    expect(tileRange([-180, -85.06, 180, 85.06], 2)).toEqual({ x0: 0, x1: 3, y0: 0, y1: 3 });
  });
});

describe('cutTiles', () => {
  const set: BasemapTileset = {
    id: 'test',
    layers: { land: 'x', lakes: 'y' },
    bounds: [17, 59, 21, 60],
    maxZoom: 8,
  };
  const square = (w: number, s: number, e: number, n: number): FeatureCollection => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
  });
  // Land over the west half of the box; a lake inside it.
  const tiles = [
    ...cutTiles(set, { land: square(17, 59, 18, 60), lakes: square(17.2, 59.2, 17.4, 59.4) }),
  ];

  it('writes every tile of the box at every zoom, empty ones too', () => {
    for (let z = 0; z <= set.maxZoom; z++) {
      const { x0, x1, y0, y1 } = tileRange(set.bounds, z);
      const at = tiles.filter((t) => t.z === z);
      expect(at).toHaveLength((x1 - x0 + 1) * (y1 - y0 + 1));
      for (const t of at) {
        expect(t.x).toBeGreaterThanOrEqual(x0);
        expect(t.x).toBeLessThanOrEqual(x1);
        expect(t.y).toBeGreaterThanOrEqual(y0);
        expect(t.y).toBeLessThanOrEqual(y1);
      }
    }
  });

  it('leaves a tile empty where there is nothing, and fills one where there is land', () => {
    const tileAt = (lon: number, lat: number, z: number) => {
      const { x0, y0 } = tileRange([lon, lat, lon, lat], z);
      return tiles.find((t) => t.z === z && t.x === x0 && t.y === y0);
    };
    expect(tileAt(17.5, 59.5, 8)?.bytes.length).toBeGreaterThan(0);
    expect(tileAt(20.8, 59.9, 8)?.bytes.length).toBe(0);
    // The layer names are in the tile (MVT stores them as plain UTF-8 strings).
    const text = new TextDecoder().decode(tileAt(17.3, 59.3, 8)?.bytes);
    expect(text).toContain('land');
    expect(text).toContain('lakes');
  });

  it('carries a polygon just past each edge of a tile, no further', () => {
    // Land over the whole box: every tile's land is the tile's square plus its buffer.
    const everywhere = [...cutTiles(set, { land: square(10, 50, 30, 70) })];
    const inner = everywhere.filter((t) => t.z === set.maxZoom && t.bytes.length > 0);
    expect(inner.length).toBeGreaterThan(3);
    for (const t of inner) {
      const layer = new VectorTile(new PbfReader(t.bytes)).layers.land;
      if (!layer) throw new Error(`tile ${t.z}/${t.x}/${t.y} has no land`);
      const px = layer.extent / 512;
      let [min, max] = [Infinity, -Infinity];
      for (let f = 0; f < layer.length; f++) {
        for (const ring of layer.feature(f).loadGeometry())
          for (const p of ring) [min, max] = [Math.min(min, p.x, p.y), Math.max(max, p.x, p.y)];
      }
      // At least a pixel past the edges, so the cut edge's outline is never drawn in the tile;
      // at most 16 px, so no frame draws land that the tile's mask then throws away.
      expect(min).toBeLessThanOrEqual(-px);
      expect(max).toBeGreaterThanOrEqual(layer.extent + px);
      expect(min).toBeGreaterThanOrEqual(-16 * px);
      expect(max).toBeLessThanOrEqual(layer.extent + 16 * px);
    }
  });

  it('cuts the shipped tilesets to zooms MapLibre can scale up from', () => {
    for (const s of BASEMAP_TILESETS) expect(s.maxZoom).toBeLessThanOrEqual(12);
    expect(new Set(BASEMAP_TILESETS.map((s) => s.id)).size).toBe(BASEMAP_TILESETS.length);
  });
});
