/**
 * The embedded basemap's style: the opening style has no text (town names come after the first
 * actors), and the list of basemap layers the names are placed above stays true to the style.
 */
import { describe, expect, it } from 'vitest';
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

  it('gives the town names a source beside the app and a layer reading it', () => {
    const { source, layer } = townLabels(BASE);
    expect(source.data).toBe('https://example.org/app/basemap/places.geojson');
    expect(layer.id).toBe(TOWN_LABELS_LAYER);
    expect(layer.source).toBe(TOWNS_SOURCE);
    expect(BASEMAP_LAYER_IDS).not.toContain(TOWN_LABELS_LAYER);
  });
});
