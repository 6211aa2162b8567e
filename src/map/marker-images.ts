/**
 * Marker icons drawn when MapLibre first asks for them (`styleimagemissing`), from the kinds
 * vocabulary: fill colour plus shape, a dark outline and a white halo so that every marker stands
 * out from land and water alike. Drawn without a canvas: see src/domain/marker-raster.ts.
 */
import type { KindEntry } from '@/data/schema.ts';
import { PALETTE } from '@/domain/palette.ts';
import { COLOCATED_ICON, kindIcon } from '@/domain/places.ts';
import { hexRgb } from '@/domain/contrast.ts';
import {
  circleSdf,
  polygonSdf,
  rasterize,
  roundRectSdf,
  type RasterImage,
} from '@/domain/marker-raster.ts';
import { shapePolygon } from '@/domain/shapes.ts';

export const MARKER_SIZE = 22;
const HALO = 2.5;
const OUTLINE = 1.5;

export type MarkerImage = RasterImage;

const SIZE = MARKER_SIZE + 2 * HALO;

export function kindMarker(kind: KindEntry, pixelRatio: number): MarkerImage {
  const inner = MARKER_SIZE - 2 * OUTLINE;
  const offset = HALO + OUTLINE;
  const polygon = shapePolygon(kind.shape);
  const sdf = polygon
    ? polygonSdf(polygon.map(([x, y]) => [offset + x * inner, offset + y * inner] as const))
    : circleSdf(offset + inner / 2, offset + inner / 2, inner / 2);
  // Inside: the kind's colour; then the outline, then the halo, as rounded strokes around it.
  return rasterize(SIZE, pixelRatio, sdf, [
    { to: 0, color: hexRgb(kind.color) },
    { to: OUTLINE, color: hexRgb(PALETTE.markerOutline) },
    { to: OUTLINE + HALO, color: hexRgb(PALETTE.markerHalo) },
  ]);
}

/** A rounded square for a place with several occupants; the count is drawn by the layer's text. */
export function colocatedMarker(pixelRatio: number): MarkerImage {
  const width = SIZE - 2 * HALO;
  return rasterize(SIZE, pixelRatio, roundRectSdf(HALO, HALO, width, width, 5), [
    { to: -HALO / 2, color: hexRgb(PALETTE.markerOutline) },
    { to: HALO / 2, color: hexRgb(PALETTE.markerHalo) },
  ]);
}

/** Resolves an image id asked for by the style; null for ids this module does not own. */
export function markerFor(
  id: string,
  kinds: ReadonlyMap<string, KindEntry>,
  pixelRatio: number,
): MarkerImage | null {
  if (id === COLOCATED_ICON) return colocatedMarker(pixelRatio);
  for (const kind of kinds.values())
    if (kindIcon(kind.id) === id) return kindMarker(kind, pixelRatio);
  return null;
}
