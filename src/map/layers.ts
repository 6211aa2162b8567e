/**
 * The actor layers, as typed constants (react-map-gl's examples keep them in their own file).
 * One GeoJSON source of places and clusters, clustered by domain/cluster.ts (features carry
 * `cluster: true|false`); icons come from marker-images.ts.
 */
import type { CircleLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { PALETTE } from '@/domain/palette.ts';
import { LABEL_FONT } from './basemap-style.ts';

export const PLACES_SOURCE = 'actor-places';
export const CLUSTER_COLOR = '#24364b';

/**
 * A constant, written as a value read per feature. MapLibre compiles one shader program per set
 * of paint properties read per feature; the two circle layers below read radius, stroke colour
 * and stroke width per feature alike, so they share one program. Each program took about 80 ms
 * to compile under software rendering, on the way to the first map.
 */
const perFeature = <T>(value: T) => ['case', ['has', 'cluster'], value, value] as unknown as T;

export const clusterLayer = {
  id: 'clusters',
  type: 'circle',
  source: PLACES_SOURCE,
  filter: ['==', ['get', 'cluster'], true],
  paint: {
    'circle-color': CLUSTER_COLOR,
    'circle-radius': ['step', ['get', 'actors'], 14, 10, 18, 50, 24, 500, 30],
    'circle-stroke-color': perFeature(PALETTE.markerHalo),
    'circle-stroke-width': perFeature(2.5),
  },
} satisfies CircleLayerSpecification;

export const clusterCountLayer = {
  id: 'cluster-count',
  type: 'symbol',
  source: PLACES_SOURCE,
  filter: ['==', ['get', 'cluster'], true],
  layout: {
    'text-field': ['to-string', ['get', 'actors']],
    'text-font': LABEL_FONT,
    'text-size': 13,
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#ffffff' },
} satisfies SymbolLayerSpecification;

/** Ring under a hovered or selected place, driven by feature-state (no re-upload of data). */
export const placeHighlightLayer = {
  id: 'place-highlight',
  type: 'circle',
  source: PLACES_SOURCE,
  filter: ['==', ['get', 'cluster'], false],
  paint: {
    'circle-radius': perFeature(17),
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': [
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      '#b45309',
      '#1f2328',
    ],
    'circle-stroke-width': [
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      4,
      ['boolean', ['feature-state', 'hover'], false],
      3,
      0,
    ],
  },
} satisfies CircleLayerSpecification;

export const placeLayer = {
  id: 'places',
  type: 'symbol',
  source: PLACES_SOURCE,
  filter: ['==', ['get', 'cluster'], false],
  layout: {
    'icon-image': ['get', 'icon'],
    'icon-allow-overlap': true,
    // Markers claim their space, so town names below them move aside instead of hiding under them.
    'icon-ignore-placement': false,
    'text-field': [
      'case',
      ['>', ['coalesce', ['get', 'count'], 1], 1],
      ['to-string', ['get', 'count']],
      '',
    ],
    'text-font': LABEL_FONT,
    'text-size': 12,
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': '#ffffff' },
} satisfies SymbolLayerSpecification;

export const placeLabelLayer = {
  id: 'place-names',
  type: 'symbol',
  source: PLACES_SOURCE,
  filter: ['all', ['==', ['get', 'cluster'], false], ['==', ['get', 'count'], 1]],
  minzoom: 9,
  layout: {
    'text-field': ['get', 'label'],
    'text-font': LABEL_FONT,
    'text-size': 12,
    'text-anchor': 'left',
    'text-offset': [1.2, 0],
    'text-optional': true,
    'text-max-width': 12,
  },
  paint: { 'text-color': '#1f2328', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
} satisfies SymbolLayerSpecification;

export const INTERACTIVE_LAYERS = [clusterLayer.id, placeLayer.id];
