import { describe, expect, it } from 'vitest';
import { hexRgb } from '@/domain/contrast.ts';
import { circleSdf, polygonSdf, rasterize, roundRectSdf } from '@/domain/marker-raster.ts';
import { colocatedMarker, kindMarker, MARKER_SIZE } from '@/map/marker-images.ts';

const pixel = (img: { width: number; data: Uint8ClampedArray }, x: number, y: number) =>
  Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('signed distances', () => {
  it('are negative inside, zero on the edge and the distance outside', () => {
    const square = polygonSdf([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
    expect(square(5, 5)).toBeCloseTo(-5);
    expect(square(10, 5)).toBeCloseTo(0);
    expect(square(13, 5)).toBeCloseTo(3);
    // Beyond a corner the distance is to the corner: strokes get round joins, as lineJoin round.
    expect(square(13, 14)).toBeCloseTo(5);
    expect(circleSdf(5, 5, 5)(5, 5)).toBeCloseTo(-5);
    expect(circleSdf(5, 5, 5)(13, 5)).toBeCloseTo(3);
    const rounded = roundRectSdf(0, 0, 10, 10, 3);
    expect(rounded(5, 5)).toBeCloseTo(-5);
    expect(rounded(5, 12)).toBeCloseTo(2);
    // The corner is cut by the radius: the box's own corner lies outside.
    expect(rounded(0, 0)).toBeGreaterThan(0);
  });
});

describe('rasterize', () => {
  const red = hexRgb('#ff0000');
  const white = hexRgb('#ffffff');

  it('colours each band and leaves the rest transparent, with soft edges', () => {
    const img = rasterize(20, 1, circleSdf(10, 10, 6.5), [
      { to: 0, color: red },
      { to: 2, color: white },
    ]);
    expect(img.width).toBe(20);
    expect(pixel(img, 10, 10)).toEqual([255, 0, 0, 255]);
    expect(pixel(img, 10, 2)).toEqual([255, 255, 255, 255]); // 7 to 8 px out: the white band
    expect(pixel(img, 0, 0)).toEqual([0, 0, 0, 0]);
    // The white band ends 8.5 px out, halfway through this pixel: soft, not cut.
    const edge = pixel(img, 10, 1)[3]!;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
  });

  it('draws at the pixel ratio', () => {
    const img = rasterize(20, 2, circleSdf(10, 10, 6), [{ to: 0, color: red }]);
    expect(img.width).toBe(40);
    expect(img.data).toHaveLength(40 * 40 * 4);
    expect(pixel(img, 20, 20)).toEqual([255, 0, 0, 255]);
  });
});

describe('marker icons', () => {
  const kind = {
    id: 'science-park',
    color: '#c0392b',
    shape: 'triangle',
  } as Parameters<typeof kindMarker>[0];

  it('have the kind’s colour inside, a dark outline and a white halo', () => {
    const img = kindMarker(kind, 1);
    const size = img.width;
    expect(size).toBe(Math.round(MARKER_SIZE + 5));
    const centre = Math.floor(size / 2);
    expect(pixel(img, centre, centre + 3)).toEqual([192, 57, 43, 255]);
    // Down the middle from the bottom edge: transparent, halo, outline, then the colour.
    const column = Array.from({ length: size }, (_, y) => pixel(img, centre, size - 1 - y));
    const firstOpaque = column.findIndex((p) => p[3] === 255);
    expect(column[firstOpaque]!.slice(0, 3)).toEqual([255, 255, 255]);
    expect(column.some((p) => p[0] === 0x1f && p[1] === 0x23 && p[2] === 0x28)).toBe(true);
    expect(pixel(img, 0, 0)[3]).toBe(0);
  });

  it('for several occupants, a dark rounded square in a white frame', () => {
    const img = colocatedMarker(2);
    const mid = img.width / 2;
    expect(pixel(img, mid, mid)).toEqual([0x1f, 0x23, 0x28, 255]);
    expect(pixel(img, 0, 0)[3]).toBe(0);
    expect(pixel(img, mid, 4)).toEqual([255, 255, 255, 255]);
  });
});
