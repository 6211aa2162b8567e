/**
 * The embedded basemap: land, lakes and town labels built from map data packages by
 * `npm run basemap:build` and served with the app, so the map works with no network at all. Land
 * and lakes are served as vector tiles cut from those files by `npm run basemap:tiles`.
 * No `glyphs` URL: MapLibre then draws labels with the browser's own fonts.
 *
 * Town names are not part of the opening style: see townLabels.
 */
import type {
  GeoJSONSourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { BASEMAP_TILESETS, type BasemapTileset } from '@/domain/basemap-tilesets.ts';
import { PALETTE } from '@/domain/palette.ts';

export const BASEMAP_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL) via geo-maps · GSHHG (LGPL) · Natural Earth · GeoNames (CC BY 4.0)';

export const LABEL_FONT = ['sans-serif'];

const basemapUrl = (baseUrl: string, file: string) => new URL(`basemap/${file}`, baseUrl).href;

function geojson(baseUrl: string, file: string, attribution?: string): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: basemapUrl(baseUrl, file),
    ...(attribution ? { attribution } : {}),
    // The basemap is static and coarse: a generous tolerance keeps tiles small.
    tolerance: 0.6,
  };
}

/** Land and lakes come as vector tiles cut at build time (scripts/lib/basemap-tiles.ts). */
function tiles(
  baseUrl: string,
  set: BasemapTileset,
  attribution?: string,
): VectorSourceSpecification {
  return {
    type: 'vector',
    // Not through new URL(): that would escape the braces of the template.
    tiles: [`${basemapUrl(baseUrl, `tiles/${set.id}/`)}{z}/{x}/{y}.pbf`],
    minzoom: 0,
    maxzoom: set.maxZoom,
    // No requests for tiles the build has not written.
    bounds: [...set.bounds],
    ...(attribution ? { attribution } : {}),
  };
}

export function embeddedStyle(baseUrl: string): StyleSpecification {
  const [overview, detail] = BASEMAP_TILESETS as [BasemapTileset, BasemapTileset];
  const fill = (id: string, source: BasemapTileset, layer: string, color: string) =>
    ({
      id,
      type: 'fill',
      source: source.id,
      'source-layer': layer,
      paint: { 'fill-color': color },
    }) as const;
  return {
    version: 8,
    name: 'Aktörskartan embedded basemap',
    sources: {
      [overview.id]: tiles(baseUrl, overview, BASEMAP_ATTRIBUTION),
      [detail.id]: tiles(baseUrl, detail),
    },
    // Grouped by source. MapLibre redraws its per-tile stencil masks whenever the next layer it
    // draws reads another source than the last one; interleaved (overview land, land, overview
    // lakes, lakes) that was four times per pass, each covering the whole canvas: under software
    // WebGL about 5 ms apiece. The overview's land and lakes have the region cut out
    // (scripts/basemap/build-basemap.ts), so the two sets never overlap and the order between them
    // does not show.
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': PALETTE.water } },
      fill('overview-land', overview, 'land', PALETTE.land),
      fill('overview-lakes', overview, 'lakes', PALETTE.water),
      fill('land', detail, 'land', PALETTE.land),
      fill('lakes', detail, 'lakes', PALETTE.water),
    ],
  };
}

/** A source only the embedded style has: its presence tells the embedded basemap is shown. */
export const EMBEDDED_BASEMAP_SOURCE = (BASEMAP_TILESETS[1] as BasemapTileset).id;

/** The layers of the embedded basemap, bottom to top; the town names go on top of them. */
export const BASEMAP_LAYER_IDS = ['water', 'overview-land', 'overview-lakes', 'land', 'lakes'];
export const TOWNS_SOURCE = 'towns';
export const TOWN_LABELS_LAYER = 'place-labels';

/**
 * The town names of the embedded basemap, added once the first actors are drawn (town-labels.ts).
 * Measured with the shipped data, navigation to drawn actors took 2.00 s with the names in the
 * opening style and 1.55 s without them: each letter is drawn by the browser's font on the main
 * thread, and the names are laid out before the map's first complete frame. The actors are what
 * people come for; the names follow a moment later.
 */
export function townLabels(baseUrl: string): {
  source: GeoJSONSourceSpecification;
  layer: SymbolLayerSpecification;
} {
  return {
    source: geojson(baseUrl, 'places.geojson'),
    layer: {
      id: TOWN_LABELS_LAYER,
      type: 'symbol',
      source: TOWNS_SOURCE,
      filter: [
        'any',
        ['<=', ['get', 'rank'], 1],
        ['>=', ['zoom'], ['match', ['get', 'rank'], 2, 8, 9.5]],
      ],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['match', ['get', 'rank'], 1, 14, 2, 12.5, 11.5],
        'symbol-sort-key': ['get', 'rank'],
        'text-padding': 6,
        // Actor markers claim the town's own spot (a city's actors sit in it): the name then
        // moves beside them rather than disappearing.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.6,
      },
      paint: {
        'text-color': PALETTE.placeLabel,
        'text-halo-color': PALETTE.placeHalo,
        'text-halo-width': 1.6,
      },
    },
  };
}
