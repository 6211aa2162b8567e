/**
 * Marker icons drawn in plain TypeScript into RGBA pixels, without a canvas.
 *
 * The first path a page draws on a 2D canvas sets up the browser's 2D drawing: 7–120 ms in fresh
 * Chromium instances, and 150–180 ms of the map's start when the first marker icon paid for it
 * (profiles of a cold start). A marker is a shape with an outline and a halo: bands of signed
 * distance from the shape's edge, sampled 4 × 4 times per pixel for smooth edges, well under a
 * millisecond per icon.
 */
import type { Polygon } from './shapes.ts';

export type Rgb = readonly [number, number, number];

/** Signed distance (CSS pixels) from a point to a shape's edge: negative inside. */
export type Sdf = (x: number, y: number) => number;

export function circleSdf(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - r;
}

/** A polygon given in CSS pixels. */
export function polygonSdf(points: Polygon): Sdf {
  const n = points.length;
  const xs = Float64Array.from(points, (p) => p[0]);
  const ys = Float64Array.from(points, (p) => p[1]);
  return (x, y) => {
    let d = Infinity;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = xs[j]!;
      const ay = ys[j]!;
      const ex = xs[i]! - ax;
      const ey = ys[i]! - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
      const dx = x - ax - t * ex;
      const dy = y - ay - t * ey;
      const dd = dx * dx + dy * dy;
      if (dd < d) d = dd;
      if (ay > y !== ys[i]! > y && x < ax + ((y - ay) * ex) / ey) inside = !inside;
    }
    return inside ? -Math.sqrt(d) : Math.sqrt(d);
  };
}

export function roundRectSdf(x0: number, y0: number, w: number, h: number, r: number): Sdf {
  const [cx, cy] = [x0 + w / 2, y0 + h / 2];
  return (x, y) => {
    const qx = Math.abs(x - cx) - (w / 2 - r);
    const qy = Math.abs(y - cy) - (h / 2 - r);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

/** A colour for the points whose signed distance is below `to`; bands go outwards. */
export interface Band {
  to: number;
  color: Rgb;
}

export interface RasterImage {
  width: number;
  height: number;
  /** RGBA, not premultiplied (as a canvas's getImageData gives). */
  data: Uint8ClampedArray;
}

const SAMPLES = 4;

/** A square image of `size` CSS pixels at `pixelRatio`, coloured by bands of the distance. */
export function rasterize(
  size: number,
  pixelRatio: number,
  sdf: Sdf,
  bands: readonly Band[],
): RasterImage {
  const px = Math.round(size * pixelRatio);
  const data = new Uint8ClampedArray(px * px * 4);
  const perPixel = SAMPLES * SAMPLES;
  const edges = Float64Array.from(bands, (band) => band.to);
  const colors = Float64Array.from(bands.flatMap((band) => [...band.color]));
  const bandOf = (s: number) => {
    for (let i = 0; i < edges.length; i++) if (s < edges[i]!) return i;
    return -1;
  };
  // A distance changes by at most the distance moved: a pixel whose centre is farther than half
  // its diagonal from every band's edge lies in one band, and needs one sample, not sixteen.
  const halfDiagonal = Math.SQRT1_2 / pixelRatio;
  const nearEdge = (s: number) => {
    for (let i = 0; i < edges.length; i++) if (Math.abs(s - edges[i]!) <= halfDiagonal) return true;
    return false;
  };
  for (let row = 0; row < px; row++) {
    for (let col = 0; col < px; col++) {
      const k = (row * px + col) * 4;
      const centre = sdf((col + 0.5) / pixelRatio, (row + 0.5) / pixelRatio);
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      if (!nearEdge(centre)) {
        const band = bandOf(centre);
        if (band < 0) continue;
        r = colors[band * 3]!;
        g = colors[band * 3 + 1]!;
        b = colors[band * 3 + 2]!;
        covered = perPixel;
      } else {
        for (let i = 0; i < SAMPLES; i++) {
          for (let j = 0; j < SAMPLES; j++) {
            const band = bandOf(
              sdf(
                (col + (j + 0.5) / SAMPLES) / pixelRatio,
                (row + (i + 0.5) / SAMPLES) / pixelRatio,
              ),
            );
            if (band < 0) continue;
            r += colors[band * 3]!;
            g += colors[band * 3 + 1]!;
            b += colors[band * 3 + 2]!;
            covered += 1;
          }
        }
        if (covered === 0) continue;
        r /= covered;
        g /= covered;
        b /= covered;
      }
      data[k] = Math.round(r);
      data[k + 1] = Math.round(g);
      data[k + 2] = Math.round(b);
      data[k + 3] = Math.round((255 * covered) / perPixel);
    }
  }
  return { width: px, height: px, data };
}
