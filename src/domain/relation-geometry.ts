/**
 * Geometry for drawing relations: curved lines from one actor to the actors it is tied to, and,
 * where several of them share one point (a building, or a municipality centre), a small ring
 * around that point so each can be seen and reached. Displaced markers keep a leader line to the
 * true point, so nothing pretends to be somewhere it is not.
 */
import type { LonLat } from '@/data/schema.ts';

export interface FocusItem {
  id: string;
  coordinates: LonLat;
}

/** Metres per CSS pixel in MapLibre's web mercator (512-pixel tiles) at a latitude and zoom. */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

const key = ([lon, lat]: LonLat) => `${lon.toFixed(5)},${lat.toFixed(5)}`;

/**
 * Where to draw each item. Items alone at their point stay put; items sharing a point with each
 * other or with the centre actor are spread on a ring of `radiusPx` around it, starting at the top.
 */
export function spreadPositions(
  centre: FocusItem,
  items: readonly FocusItem[],
  zoom: number,
  radiusPx = 38,
): Map<string, LonLat> {
  const groups = new Map<string, FocusItem[]>();
  for (const item of items) {
    const k = key(item.coordinates);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  const centreKey = key(centre.coordinates);
  const out = new Map<string, LonLat>();
  for (const [k, group] of groups) {
    if (group.length === 1 && k !== centreKey) {
      out.set(group[0]!.id, group[0]!.coordinates);
      continue;
    }
    const [lon, lat] = group[0]!.coordinates;
    const mpp = metresPerPixel(lat, zoom);
    const dLat = (radiusPx * mpp) / 110_540;
    const dLon = (radiusPx * mpp) / (111_320 * Math.cos((lat * Math.PI) / 180));
    group.forEach((item, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
      out.set(item.id, [lon + dLon * Math.cos(angle), lat - dLat * Math.sin(angle)]);
    });
  }
  return out;
}

/**
 * A gentle arc from a to b (a quadratic curve bent sideways by `bend` of its length), so lines to
 * actors in the same direction do not lie on top of each other.
 */
export function arc(a: LonLat, b: LonLat, bend = 0.18, segments = 24): LonLat[] {
  const [x0, y0] = a;
  const [x1, y1] = b;
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  // Perpendicular offset, computed in a locally square frame.
  const k = Math.cos((my * Math.PI) / 180);
  const dx = (x1 - x0) * k;
  const dy = y1 - y0;
  const cx = mx + (-dy * bend) / (k || 1);
  const cy = my + dx * bend;
  const points: LonLat[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    points.push([
      u * u * x0 + 2 * u * t * cx + t * t * x1,
      u * u * y0 + 2 * u * t * cy + t * t * y1,
    ]);
  }
  return points;
}
