/**
 * The sky pass MapLibre draws on every frame is skipped for styles without a sky, and only then.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { skipUnusedSky, skipUnusedSkyAlways } from '@/map/skip-unused-sky.ts';

interface FakeSky {
  getEvaluated: () => unknown;
}

function fakeMap(options: { skySpec?: unknown; sky?: FakeSky | null; style?: boolean }) {
  const listeners = new Map<string, (() => void)[]>();
  const map = {
    style:
      options.style === false
        ? undefined
        : { sky: options.sky === undefined ? sky() : options.sky },
    getSky: () => options.skySpec,
    on(event: string, listener: () => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return map;
    },
    fire(event: string) {
      for (const listener of listeners.get(event) ?? []) listener();
    },
  };
  return map as typeof map & MapLibreMap;
}

const sky = (): FakeSky => ({ getEvaluated: () => ({ 'sky-color': 'blue' }) });

describe('skipUnusedSky', () => {
  it('makes the sky of a style without one evaluate to nothing, which the painter skips', () => {
    const map = fakeMap({});
    expect(skipUnusedSky(map)).toBe(true);
    expect((map.style as unknown as { sky: FakeSky }).sky.getEvaluated()).toBeUndefined();
  });

  it('leaves alone a style that asks for a sky', () => {
    const map = fakeMap({ skySpec: { 'sky-color': 'blue' } });
    expect(skipUnusedSky(map)).toBe(false);
    expect((map.style as unknown as { sky: FakeSky }).sky.getEvaluated()).toEqual({
      'sky-color': 'blue',
    });
  });

  it('does nothing before a style is read, or where the sky has no such method', () => {
    expect(skipUnusedSky(fakeMap({ style: false }))).toBe(false);
    expect(skipUnusedSky(fakeMap({ sky: null }))).toBe(false);
    expect(skipUnusedSky(fakeMap({ sky: {} as FakeSky }))).toBe(false);
  });

  it('applies again to each style the map loads later', () => {
    const map = fakeMap({});
    skipUnusedSkyAlways(map);
    const next = sky();
    (map.style as unknown as { sky: FakeSky }).sky = next;
    map.fire('style.load');
    expect(next.getEvaluated()).toBeUndefined();
  });
});
