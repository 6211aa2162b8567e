/**
 * Keeps MapLibre from drawing a sky the style never asked for.
 *
 * MapLibre 6 gives every style a sky object (defaults filled in) and draws it first on every
 * frame, as a quad over the whole canvas, whether or not the style has a `sky`. On a flat map the
 * background layer then paints over all of it, so the pass shows nothing; under software WebGL
 * it cost about 20 ms of each frame (README, "Each map frame draws less"). The painter
 * skips the pass when the style's evaluated sky is empty, so for a style without `sky` that is
 * what this instance's sky reports. Only `getEvaluated` is replaced, on this map's own style
 * object; a style that defines a sky is left alone, and a MapLibre whose style has no such method
 * is left alone too.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface SkyLike {
  getEvaluated?: unknown;
}

export function skipUnusedSky(map: MapLibreMap): boolean {
  // Before the style is read (an online style on its way) there is nothing to decide yet.
  if (!(map.style as unknown) || map.getSky() !== undefined) return false;
  const sky = (map.style as { sky?: SkyLike | null }).sky;
  if (!sky || typeof sky.getEvaluated !== 'function') return false;
  sky.getEvaluated = () => undefined;
  return true;
}

/** Applies skipUnusedSky to the map's style now, and to every style it loads later. */
export function skipUnusedSkyAlways(map: MapLibreMap): void {
  skipUnusedSky(map);
  map.on('style.load', () => skipUnusedSky(map));
}
