import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patchCanvasAlpha } from '../../scripts/lib/maplibre-canvas-alpha-patch.ts';
import { PATCHED_FILE, patchMapLibre } from '../../scripts/lib/maplibre-patches.ts';

// What the app's `import 'maplibre-gl'` resolves to (package.json exports: import).
const installed = fileURLToPath(import.meta.resolve('maplibre-gl'));
// The object literal MapLibre hands to getContext('webgl2', …).
const ATTRIBUTES = /\{\.\.\.this\._canvasContextAttributes,[^}]*\}/g;

/** Evaluates the context attributes the (patched) code would ask for, with the map's options. */
function attributesFor(literal: string, options: WebGLContextAttributes) {
  const evaluate = new Function(`return ${literal};`) as (this: unknown) => WebGLContextAttributes;
  return evaluate.call({ _canvasContextAttributes: options });
}

describe('the MapLibre canvas alpha patch', () => {
  const code = readFileSync(installed, 'utf8');

  it('lets the map ask for an opaque canvas, and keeps alpha otherwise', () => {
    expect(installed).toMatch(PATCHED_FILE);
    const [before] = [...code.matchAll(ATTRIBUTES)].map((m) => m[0]);
    const [after, ...more] = [...patchCanvasAlpha(code).matchAll(ATTRIBUTES)].map((m) => m[0]);
    expect(more).toEqual([]);
    // As published, alpha is forced on.
    expect(attributesFor(before!, { alpha: false }).alpha).toBe(true);
    expect(attributesFor(after!, { alpha: false })).toEqual({
      alpha: false,
      depth: true,
      stencil: true,
      premultipliedAlpha: true,
    });
    expect(attributesFor(after!, {}).alpha).toBe(true);
    expect(attributesFor(after!, { alpha: true, antialias: false })).toEqual({
      ...attributesFor(before!, { antialias: false }),
    });
    // Nothing else changes.
    expect(patchCanvasAlpha(code).replace(after!, before!)).toBe(code);
  });

  it('fails loudly on a MapLibre whose code no longer matches', () => {
    expect(() => patchCanvasAlpha('export const nothing = 1;')).toThrow(
      /maplibre-canvas-alpha-patch/,
    );
    expect(() => patchCanvasAlpha(code + code)).toThrow(/found them 2 times/);
  });

  it('is applied to the build with the placement patch', () => {
    const patched = patchMapLibre(code);
    // Checked as booleans: a failing match would print the whole 800 kB file.
    expect(patched.includes('alpha:this._canvasContextAttributes.alpha!==!1')).toBe(true);
    expect(/&&!\w+&&this\.pauseablePlacement\.placement\.setStale\(\)/.test(patched)).toBe(true);
  });
});
