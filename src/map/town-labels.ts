/**
 * Puts the embedded basemap's town names on a map, under the actor layers. They are not in the
 * opening style (see townLabels in basemap-style.ts). Calling it again does nothing; neither does
 * calling it while an online style, which has names of its own, is shown.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LAYER_IDS, TOWNS_SOURCE, townLabels } from './basemap-style.ts';

export function addTownLabels(map: MapLibreMap, baseUrl: string): void {
  // The embedded basemap is the one with a 'land' source.
  if (!map.getSource('land') || map.getSource(TOWNS_SOURCE)) return;
  const { source, layer } = townLabels(baseUrl);
  map.addSource(TOWNS_SOURCE, source);
  const basemap = new Set(BASEMAP_LAYER_IDS);
  const firstAbove = map.getLayersOrder().find((id) => !basemap.has(id));
  map.addLayer(layer, firstAbove);
}
