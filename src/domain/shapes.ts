/**
 * Marker shapes as polygons in a unit box (0..1, y down), shared by the map icons (canvas) and
 * the legend (SVG), so the legend always shows exactly what the map draws.
 */
import type { Shape } from '@/data/schema.ts';

export type Polygon = readonly (readonly [number, number])[];

function regular(sides: number, rotation: number, radius = 0.5): Polygon {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / sides;
    return [0.5 + radius * Math.cos(a), 0.5 + radius * Math.sin(a)] as const;
  });
}

/** `null` for the circle, which both renderers draw natively. */
export function shapePolygon(shape: Shape): Polygon | null {
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return [
        [0.08, 0.08],
        [0.92, 0.08],
        [0.92, 0.92],
        [0.08, 0.92],
      ];
    case 'diamond':
      return regular(4, -Math.PI / 2, 0.54);
    case 'triangle':
      // Nudged down so its visual centre matches the other shapes.
      return regular(3, -Math.PI / 2, 0.58).map(([x, y]) => [x, y + 0.1] as const);
    case 'hexagon':
      return regular(6, 0, 0.52);
  }
}

/** SVG `points` attribute for a polygon scaled to `size`. */
export function svgPoints(polygon: Polygon, size: number, inset = 0): string {
  const scale = size - 2 * inset;
  return polygon
    .map(([x, y]) => `${(inset + x * scale).toFixed(2)},${(inset + y * scale).toFixed(2)}`)
    .join(' ');
}
