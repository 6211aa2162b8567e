/**
 * Marker icons drawn on a canvas when MapLibre first asks for them (`styleimagemissing`), from the
 * kinds vocabulary: fill colour plus shape, a dark outline and a white halo so that every marker
 * stands out from land and water alike.
 */
import type { KindEntry } from '@/data/schema.ts';
import { PALETTE } from '@/domain/palette.ts';
import { COLOCATED_ICON, kindIcon } from '@/domain/places.ts';
import { shapePolygon } from '@/domain/shapes.ts';

export const MARKER_SIZE = 22;
const HALO = 2.5;
const OUTLINE = 1.5;

export interface MarkerImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function tracePath(
  ctx: CanvasRenderingContext2D,
  shape: KindEntry['shape'],
  x: number,
  y: number,
  size: number,
) {
  ctx.beginPath();
  const polygon = shapePolygon(shape);
  if (!polygon) {
    ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
    return;
  }
  polygon.forEach(([px, py], i) => {
    const [cx, cy] = [x + px * size, y + py * size];
    if (i === 0) ctx.moveTo(cx, cy);
    else ctx.lineTo(cx, cy);
  });
  ctx.closePath();
}

function draw(
  pixelRatio: number,
  paint: (ctx: CanvasRenderingContext2D, size: number) => void,
): MarkerImage | null {
  const size = Math.round((MARKER_SIZE + 2 * HALO) * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  // A canvas read back at once: without this hint Chromium may back it with the GPU, and then
  // getImageData waits for a GPU readback (about 60 ms per icon under software WebGL).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.scale(pixelRatio, pixelRatio);
  paint(ctx, MARKER_SIZE + 2 * HALO);
  return { width: size, height: size, data: ctx.getImageData(0, 0, size, size).data };
}

export function kindMarker(kind: KindEntry, pixelRatio: number): MarkerImage | null {
  return draw(pixelRatio, (ctx) => {
    const inner = MARKER_SIZE - 2 * OUTLINE;
    const offset = HALO + OUTLINE;
    tracePath(ctx, kind.shape, offset, offset, inner);
    ctx.lineJoin = 'round';
    ctx.strokeStyle = PALETTE.markerHalo;
    ctx.lineWidth = 2 * (HALO + OUTLINE);
    ctx.stroke();
    ctx.strokeStyle = PALETTE.markerOutline;
    ctx.lineWidth = 2 * OUTLINE;
    ctx.stroke();
    ctx.fillStyle = kind.color;
    ctx.fill();
  });
}

/** A rounded square for a place with several occupants; the count is drawn by the layer's text. */
export function colocatedMarker(pixelRatio: number): MarkerImage | null {
  return draw(pixelRatio, (ctx, size) => {
    const r = 5;
    const [x, y, w] = [HALO, HALO, size - 2 * HALO];
    ctx.beginPath();
    ctx.roundRect(x, y, w, w, r);
    ctx.fillStyle = PALETTE.markerOutline;
    ctx.strokeStyle = PALETTE.markerHalo;
    ctx.lineWidth = HALO;
    ctx.fill();
    ctx.stroke();
  });
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
