/**
 * Compiles the single-place markers' shader program before the first filter needs it.
 *
 * MapLibre compiles a layer's program the first time it draws the layer. A large dataset opens
 * with clusters only, and the first filter that left single places on the map paid for the marker
 * program in that frame: 250–450 ms under software WebGL at 100,000 actors (measured), on top of
 * the filter's own ~150 ms. So once the first actors are drawn, if no single marker is on the map,
 * one marker is drawn for a frame with the marker layer's own properties (so MapLibre builds the
 * same program the real layer will use) at an opacity too low to see; MapLibre skips a layer at
 * opacity 0 outright. The source and layer are removed once the map is idle again.
 */
import type { Map as MapLibreMap, SymbolLayerSpecification } from 'maplibre-gl';

export const WARM_UP_SOURCE = 'marker-program-warm-up';
export const WARM_UP_MARK = 'aktorskartan:marker-program-warmed';

export function warmMarkerProgram(
  map: MapLibreMap,
  layer: SymbolLayerSpecification,
  properties: Record<string, unknown>,
): void {
  if (!map.getLayer(layer.id) || map.getSource(WARM_UP_SOURCE)) return;
  if (map.queryRenderedFeatures({ layers: [layer.id] }).length > 0) return;
  const { lng, lat } = map.getCenter();
  map.addSource(WARM_UP_SOURCE, {
    type: 'geojson',
    data: { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties },
  });
  map.addLayer({
    ...layer,
    id: WARM_UP_SOURCE,
    source: WARM_UP_SOURCE,
    layout: { ...layer.layout, 'icon-ignore-placement': true, 'text-ignore-placement': true },
    paint: { ...layer.paint, 'icon-opacity': 0.001, 'text-opacity': 0.001 },
  });
  // Not `once('idle')`: registered while an idle event is being handled, that fires before the
  // marker is ever drawn. A loaded source and then an idle map mean a frame has drawn it.
  const finish = () => {
    // The style may have been replaced meanwhile (online → embedded): nothing left to remove.
    if (map.getSource(WARM_UP_SOURCE) && !map.isSourceLoaded(WARM_UP_SOURCE)) return;
    map.off('idle', finish);
    if (map.getLayer(WARM_UP_SOURCE)) map.removeLayer(WARM_UP_SOURCE);
    if (map.getSource(WARM_UP_SOURCE)) map.removeSource(WARM_UP_SOURCE);
    performance.mark(WARM_UP_MARK);
  };
  map.on('idle', finish);
}
