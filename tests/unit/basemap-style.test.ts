/**
 * The embedded basemap's style: the opening style has no text (town names come after the first
 * actors), and the list of basemap layers the names are placed above stays true to the style.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BASEMAP_TILESETS } from '@/domain/basemap-tilesets.ts';
import { REGION_BBOX, inBBox } from '@/domain/region.ts';
import {
  BASEMAP_LAYER_IDS,
  TOWN_LABELS_LAYER,
  TOWNS_SOURCE,
  embeddedStyle,
  townLabels,
} from '@/map/basemap-style.ts';

const BASE = 'https://example.org/app/';

describe('embedded basemap style', () => {
  it('opens without town names or any other text', () => {
    const style = embeddedStyle(BASE);
    expect(Object.keys(style.sources)).not.toContain(TOWNS_SOURCE);
    expect(style.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });

  it('lists its layers, bottom to top, as BASEMAP_LAYER_IDS', () => {
    expect(embeddedStyle(BASE).layers.map((l) => l.id)).toEqual(BASEMAP_LAYER_IDS);
  });

  it('draws each source’s layers one after the other, so MapLibre masks each source once a pass', () => {
    // MapLibre redraws its tile masks whenever the next layer it draws reads another source.
    const sources = embeddedStyle(BASE).layers.flatMap((l) =>
      'source' in l && typeof l.source === 'string' ? [l.source] : [],
    );
    const runs = sources.filter((source, i) => source !== sources[i - 1]);
    expect(runs).toEqual([...new Set(sources)]);
  });

  it('has the region cut out of the overview, so the order between the two sets never shows', () => {
    const overview = BASEMAP_TILESETS.find((set) => set.id === 'overview');
    expect(overview).toBeDefined();
    for (const file of Object.values(overview!.layers)) {
      const data = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../public/basemap', file), 'utf8'),
      ) as FeatureCollection;
      const inside = data.features.flatMap((f) =>
        positions(f.geometry).filter(([lon, lat]) =>
          inBBox(shrunk(REGION_BBOX), lon as number, lat as number),
        ),
      );
      expect(data.features.length).toBeGreaterThan(0);
      expect(inside).toEqual([]);
    }
  });

  it('gives the town names a source beside the app and a layer reading it', () => {
    const { source, layer } = townLabels(BASE);
    expect(source.data).toBe('https://example.org/app/basemap/places.geojson');
    expect(layer.id).toBe(TOWN_LABELS_LAYER);
    expect(layer.source).toBe(TOWNS_SOURCE);
    expect(BASEMAP_LAYER_IDS).not.toContain(TOWN_LABELS_LAYER);
  });
});

/** Every vertex of a geometry. */
function positions(geometry: FeatureCollection['features'][number]['geometry']): Position[] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'MultiLineString':
      return geometry.coordinates.flat();
  }
}

/** The box without its edge: cut-out polygons run along it. */
function shrunk([w, s, e, n]: readonly [number, number, number, number]) {
  const m = 1e-6;
  return [w + m, s + m, e - m, n - m] as const;
}
