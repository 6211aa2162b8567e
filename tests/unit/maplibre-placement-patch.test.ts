import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PATCHED_FILE } from '../../scripts/lib/maplibre-patches.ts';
import { patchPlacement } from '../../scripts/lib/maplibre-placement-patch.ts';

// What the app's `import 'maplibre-gl'` resolves to (package.json exports: import).
const installed = fileURLToPath(import.meta.resolve('maplibre-gl'));
const STALE = /(\w+)&&(!\w+&&)?this\.pauseablePlacement\.placement\.setStale\(\)/g;

describe('the MapLibre placement patch', () => {
  it('applies to the installed MapLibre, and only guards the stale mark', () => {
    expect(installed).toMatch(PATCHED_FILE);
    const code = readFileSync(installed, 'utf8');
    const patched = patchPlacement(code);
    const [before] = [...code.matchAll(STALE)];
    const [after] = [...patched.matchAll(STALE)];
    expect(before?.[2]).toBeUndefined();
    // The forced placement's flag is the one set from `fadeDuration === 0`.
    const forced = /(\w+)\|\|=this\._layerOrderChanged\|\|\w+===0;/.exec(code)?.[1];
    expect(forced).toBeDefined();
    expect(after?.[2]).toBe(`!${forced}&&`);
    // Nothing else changes.
    expect(patched.replace(after![0], before![0])).toBe(code);
  });

  it('fails loudly on a MapLibre whose code no longer matches', () => {
    expect(() => patchPlacement('export const nothing = 1;')).toThrow(/maplibre-placement-patch/);
    const code = readFileSync(installed, 'utf8');
    const twice = code + code;
    expect(() => patchPlacement(twice)).toThrow(/found it 2 times/);
  });
});
