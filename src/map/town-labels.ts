/**
 * Puts the embedded basemap's town names on a map, under the actor layers. They are not in the
 * opening style (see townLabels in basemap-style.ts). Calling it again does nothing; neither does
 * calling it while an online style, which has names of its own, is shown.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  BASEMAP_LAYER_IDS,
  EMBEDDED_BASEMAP_SOURCE,
  TOWNS_SOURCE,
  townLabels,
} from './basemap-style.ts';

export function addTownLabels(map: MapLibreMap, baseUrl: string): void {
  if (!map.getSource(EMBEDDED_BASEMAP_SOURCE) || map.getSource(TOWNS_SOURCE)) return;
  const { source, layer } = townLabels(baseUrl);
  map.addSource(TOWNS_SOURCE, source);
  const basemap = new Set(BASEMAP_LAYER_IDS);
  const firstAbove = map.getLayersOrder().find((id) => !basemap.has(id));
  map.addLayer(layer, firstAbove);
}
