/**
 * Layers that bring the open actor or programme forward: its ties as curved lines, styled by
 * kind of tie, and the tied actors as markers with names. Actors sharing a point are spread on a
 * ring, each with a leader line back to the true point (see domain/relation-geometry.ts).
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LonLat } from '@/data/schema.ts';
import type { FocusModel } from '@/domain/focus.ts';
import { LINK_STYLE_ORDER, LINK_STYLES } from '@/domain/link-styles.ts';
import { PALETTE } from '@/domain/palette.ts';
import { kindIcon } from '@/domain/places.ts';
import { arc, spreadPositions } from '@/domain/relation-geometry.ts';
import { LABEL_FONT } from './basemap-style.ts';

export const FOCUS_POINTS = 'focus-points';
export const FOCUS_LINES = 'focus-lines';

interface Feature<G, P> {
  type: 'Feature';
  geometry: G;
  properties: P;
}
type Point = { type: 'Point'; coordinates: LonLat };
type Line = { type: 'LineString'; coordinates: LonLat[] };

export interface FocusGeoJSON {
  points: {
    type: 'FeatureCollection';
    features: Feature<Point, Record<string, string | number | boolean>>[];
  };
  lines: {
    type: 'FeatureCollection';
    features: Feature<Line, Record<string, string | number | boolean>>[];
  };
}

export function focusGeoJSON(focus: FocusModel, zoom: number, showLinks: boolean): FocusGeoJSON {
  const items = [...(focus.centre ? [focus.centre] : []), ...focus.others];
  const centre = focus.centre ?? focus.others[0];
  const position = centre ? spreadPositions(centre, items, zoom) : new Map<string, LonLat>();
  const inactive = new Map(focus.links.map((l) => [l.to, l.inactive]));
  const points: FocusGeoJSON['points']['features'] = [];
  const lines: FocusGeoJSON['lines']['features'] = [];
  for (const item of items) {
    const at = position.get(item.id) ?? item.coordinates;
    const moved = at[0] !== item.coordinates[0] || at[1] !== item.coordinates[1];
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: {
        id: item.id,
        icon: kindIcon(item.kind),
        label: item.name,
        centre: item.id === focus.centre?.id,
        inactive: inactive.get(item.id) ?? false,
      },
    });
    if (moved) {
      // The leader back to where the actor really is.
      lines.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [item.coordinates, at] },
        properties: { style: 'leader', inactive: false },
      });
      points.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: item.coordinates },
        properties: { id: `${item.id}:origin`, origin: true },
      });
    }
  }
  if (showLinks && focus.centre) {
    const from = position.get(focus.centre.id) ?? focus.centre.coordinates;
    for (const link of focus.links) {
      const to = position.get(link.to);
      if (!to) continue;
      lines.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: arc(from, to) },
        properties: {
          style: link.uncertain ? 'uncertain' : link.style,
          inactive: link.inactive,
          to: link.to,
        },
      });
    }
  }
  return {
    points: { type: 'FeatureCollection', features: points },
    lines: { type: 'FeatureCollection', features: lines },
  };
}

const inactiveOpacity = (active: number, inactive: number) =>
  ['case', ['boolean', ['get', 'inactive'], false], inactive, active] as const;

/** One line layer per style, since MapLibre's dash pattern cannot vary by feature. */
export function focusLineLayers(): LayerSpecification[] {
  const leader: LayerSpecification = {
    id: 'focus-leaders',
    type: 'line',
    source: FOCUS_LINES,
    filter: ['==', ['get', 'style'], 'leader'],
    paint: { 'line-color': PALETTE.markerOutline, 'line-width': 1.2, 'line-dasharray': [2, 2] },
  };
  const styles = LINK_STYLE_ORDER.map((style): LayerSpecification => ({
    id: `focus-line-${style}`,
    type: 'line',
    source: FOCUS_LINES,
    filter: ['==', ['get', 'style'], style] as FilterSpecification,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': LINK_STYLES[style].color,
      'line-width': LINK_STYLES[style].width,
      'line-opacity': inactiveOpacity(0.9, 0.3) as unknown as number,
      ...(LINK_STYLES[style].dash.length ? { 'line-dasharray': [...LINK_STYLES[style].dash] } : {}),
    },
  }));
  // A white casing under every line keeps it readable over land, water and markers.
  const casing: LayerSpecification = {
    id: 'focus-line-casing',
    type: 'line',
    source: FOCUS_LINES,
    filter: ['!=', ['get', 'style'], 'leader'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': '#ffffff',
      'line-width': 6,
      'line-opacity': inactiveOpacity(0.8, 0.3) as unknown as number,
    },
  };
  return [casing, leader, ...styles];
}

export function focusPointLayers(): LayerSpecification[] {
  return [
    {
      id: 'focus-origins',
      type: 'circle',
      source: FOCUS_POINTS,
      filter: ['boolean', ['get', 'origin'], false],
      paint: {
        'circle-radius': 3.5,
        'circle-color': PALETTE.markerOutline,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'focus-halo',
      type: 'circle',
      source: FOCUS_POINTS,
      filter: ['!', ['boolean', ['get', 'origin'], false]],
      paint: {
        'circle-radius': ['case', ['boolean', ['get', 'centre'], false], 17, 15],
        'circle-color': '#ffffff',
        'circle-opacity': inactiveOpacity(0.95, 0.5) as unknown as number,
        'circle-stroke-color': [
          'case',
          ['boolean', ['get', 'centre'], false],
          '#b45309',
          PALETTE.markerOutline,
        ],
        'circle-stroke-width': ['case', ['boolean', ['get', 'centre'], false], 3.5, 1],
      },
    },
    {
      id: 'focus-markers',
      type: 'symbol',
      source: FOCUS_POINTS,
      filter: ['!', ['boolean', ['get', 'origin'], false]],
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-allow-overlap': true,
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [1.4, 0],
        'text-optional': true,
        'text-max-width': 14,
      },
      paint: {
        'icon-opacity': inactiveOpacity(1, 0.45) as unknown as number,
        'text-color': '#1f2328',
        'text-opacity': inactiveOpacity(1, 0.6) as unknown as number,
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.8,
      },
    },
  ];
}
