/**
 * Geographic extents the app and the data checks share.
 * Bounding boxes are [west, south, east, north] in WGS84 degrees.
 */
export type BBox = readonly [west: number, south: number, east: number, north: number];

/** The area the embedded basemap shows in detail: Strängnäs to the archipelago, Nynäshamn to north of Uppsala. */
export const REGION_BBOX: BBox = [16.4, 58.6, 19.3, 60.3];

/**
 * The whole area the embedded basemap covers, at overview detail outside the region: the Nordic
 * countries, so that a dataset reaching beyond Stockholm–Uppsala still has a map under it.
 */
export const OVERVIEW_BBOX: BBox = [4.0, 54.0, 32.0, 71.5];

/** Where the map opens when the URL does not say otherwise. */
export const HOME_VIEW = { longitude: 17.85, latitude: 59.45, zoom: 7.9 } as const;

/**
 * Sweden's extent with a small margin. A coordinate outside it is rejected by the data check;
 * the dataset describes a Swedish ecosystem, so such a point is a typo or a swap.
 */
export const SWEDEN_BBOX: BBox = [10.5, 55.0, 24.3, 69.2];

export function inBBox(bbox: BBox, lon: number, lat: number): boolean {
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/** The smallest box around the points, or null for none. */
export function boundsOf(points: Iterable<readonly [number, number]>): BBox | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
