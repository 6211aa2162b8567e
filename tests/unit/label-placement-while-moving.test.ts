import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  fadeLabelsOnlyWhileMoving,
  labelFadeOf,
  MOVING_FADE_MS,
} from '@/map/label-placement-while-moving.ts';

/** The parts of a MapLibre map the switch uses: events, the fade field, repaints. */
function fakeMap(fields: Record<string, unknown> = { _fadeDuration: 0 }) {
  const listeners = new Map<string, Set<() => void>>();
  const map = {
    ...fields,
    repaints: 0,
    on: (type: string, fn: () => void) =>
      listeners.set(type, (listeners.get(type) ?? new Set()).add(fn)),
    off: (type: string, fn: () => void) => listeners.get(type)?.delete(fn),
    triggerRepaint() {
      this.repaints += 1;
    },
    fire: (type: string) => listeners.get(type)?.forEach((fn) => fn()),
    listening: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
  return map;
}
const asMap = (fake: ReturnType<typeof fakeMap>) => fake as unknown as MapLibreMap;

describe('label fades only while the map moves', () => {
  it('fades while moving, and draws once more without a fade when the move ends', () => {
    const map = fakeMap();
    fadeLabelsOnlyWhileMoving(asMap(map), () => false);
    expect(labelFadeOf(asMap(map))).toBe(0);
    map.fire('movestart');
    expect(labelFadeOf(asMap(map))).toBe(MOVING_FADE_MS);
    map.fire('moveend');
    expect(labelFadeOf(asMap(map))).toBe(0);
    expect(map.repaints).toBe(1);
  });

  it('never fades for readers who ask for reduced motion, and asks for no extra frame', () => {
    const map = fakeMap();
    let reduced = true;
    fadeLabelsOnlyWhileMoving(asMap(map), () => reduced);
    map.fire('movestart');
    expect(labelFadeOf(asMap(map))).toBe(0);
    map.fire('moveend');
    expect(map.repaints).toBe(0);
    // The preference is read at each move.
    reduced = false;
    map.fire('movestart');
    expect(labelFadeOf(asMap(map))).toBe(MOVING_FADE_MS);
  });

  it('leaves a MapLibre without the fade field alone, and can be removed', () => {
    const bare = fakeMap({});
    fadeLabelsOnlyWhileMoving(asMap(bare), () => false);
    expect(bare.listening()).toBe(0);
    expect(labelFadeOf(asMap(bare))).toBeNull();
    const map = fakeMap();
    const remove = fadeLabelsOnlyWhileMoving(asMap(map), () => false);
    expect(map.listening()).toBe(2);
    remove();
    map.fire('movestart');
    expect(labelFadeOf(asMap(map))).toBe(0);
  });
});
