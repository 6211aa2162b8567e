/**
 * The embedded basemap: land, lakes and town labels built from map data packages by
 * `npm run basemap:build` and served with the app, so the map works with no network at all.
 * No `glyphs` URL: MapLibre then draws labels with the browser's own fonts.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { PALETTE } from '@/domain/palette.ts';

export const BASEMAP_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL) via geo-maps · GSHHG (LGPL) · Natural Earth · GeoNames (CC BY 4.0)';

export const LABEL_FONT = ['sans-serif'];

export function embeddedStyle(baseUrl: string): StyleSpecification {
  const url = (file: string) => new URL(`basemap/${file}`, baseUrl).href;
  const geojson = (file: string, attribution?: string) => ({
    type: 'geojson' as const,
    data: url(file),
    ...(attribution ? { attribution } : {}),
    // The basemap is static and coarse: a generous tolerance keeps tiles small.
    tolerance: 0.6,
  });
  return {
    version: 8,
    name: 'Aktörskartan embedded basemap',
    sources: {
      'overview-land': geojson('overview-land.geojson', BASEMAP_ATTRIBUTION),
      'overview-lakes': geojson('overview-lakes.geojson'),
      land: geojson('land.geojson'),
      lakes: geojson('lakes.geojson'),
      towns: geojson('places.geojson'),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': PALETTE.water } },
      {
        id: 'overview-land',
        type: 'fill',
        source: 'overview-land',
        paint: { 'fill-color': PALETTE.land },
      },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': PALETTE.land } },
      {
        id: 'overview-lakes',
        type: 'fill',
        source: 'overview-lakes',
        paint: { 'fill-color': PALETTE.water },
      },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': PALETTE.water } },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'towns',
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
        },
        paint: {
          'text-color': PALETTE.placeLabel,
          'text-halo-color': PALETTE.placeHalo,
          'text-halo-width': 1.6,
        },
      },
    ],
  };
}
