/**
 * The embedded basemap's two vector tilesets: what goes in each, where and to which zoom. Read by
 * the build (scripts/build-basemap-tiles.ts) and by the map style (src/map/basemap-style.ts), so
 * the style asks only for tiles the build has written.
 */
import { mercatorX, mercatorY } from './places.ts';
import { OVERVIEW_BBOX, REGION_BBOX, type BBox } from './region.ts';

export interface BasemapTileset {
  /** Folder under basemap/tiles/, and the style's source id. */
  id: string;
  /** Layers of each tile: layer name → the GeoJSON file in public/basemap/ it comes from. */
  layers: Record<string, string>;
  /** Tiles exist for this box only. */
  bounds: BBox;
  /** The deepest zoom cut; MapLibre scales these tiles up beyond it. */
  maxZoom: number;
}

export const BASEMAP_TILESETS: readonly BasemapTileset[] = [
  {
    // Natural Earth land and intermediate GSHHG lakes: coarse, so zoom 7 holds all their detail.
    id: 'overview',
    layers: { land: 'overview-land.geojson', lakes: 'overview-lakes.geojson' },
    bounds: OVERVIEW_BBOX,
    maxZoom: 7,
  },
  {
    // 100 m land and full-resolution lakes for the region: at zoom 10 a tile unit is ~2 m.
    id: 'detail',
    layers: { land: 'land.geojson', lakes: 'lakes.geojson' },
    bounds: REGION_BBOX,
    maxZoom: 10,
  },
];

/** The tiles (x and y ranges, inclusive) a box touches at zoom z, in Web Mercator tiling. */
export function tileRange(
  bounds: BBox,
  z: number,
): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const [west, south, east, north] = bounds;
  const x = (lon: number) => Math.floor(mercatorX(lon) * n);
  const y = (lat: number) => Math.floor(mercatorY(lat) * n);
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
  return { x0: clamp(x(west)), x1: clamp(x(east)), y0: clamp(y(north)), y1: clamp(y(south)) };
}
