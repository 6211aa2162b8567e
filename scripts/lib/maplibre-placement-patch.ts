/**
 * A build-time patch of MapLibre GL JS 6.17 (its published `dist/maplibre-gl.mjs`): one frame
 * less after every change of symbol data.
 *
 * `Style._updatePlacement` marks the placement it has just committed as stale whenever symbol
 * buckets changed in the frame (new tiles, or a GeoJSON source's new data), so the map draws one
 * more frame and places every label again before it fires `idle`. That guards against a
 * placement spread over several frames that began before the buckets changed. With
 * `fadeDuration: 0` (this app's map) the placement is forced: made anew in that same call, after
 * the buckets were indexed, and finished there, so it is not stale, and the extra frame draws
 * the same pixels again (screenshots of both builds after filter clicks and zooms, 10 views:
 * no pixel differs). Under software rendering that frame cost 35 to 90 ms of every filter click.
 * The patch keeps the stale mark for every placement that was not forced.
 *
 * The published file is minified, so the code is matched by its shape, with the minifier's
 * names captured. A MapLibre version whose code no longer matches fails the build with this
 * file's name, never silently: then check whether upstream still needs it, and update or drop.
 */

/** `forced ||= this._layerOrderChanged || fadeDuration === 0; … bucketsChanged && ….setStale()` */
const PLACEMENT =
  /(\w+)\|\|=this\._layerOrderChanged\|\|(\w+===0;[\s\S]{0,800}?)(\w+)&&this\.pauseablePlacement\.placement\.setStale\(\)/g;

export function patchPlacement(code: string): string {
  const found = [...code.matchAll(PLACEMENT)].length;
  if (found !== 1)
    throw new Error(
      `scripts/lib/maplibre-placement-patch.ts: expected MapLibre's placement code once in ` +
        `maplibre-gl.mjs, found it ${found} times; see that file's comment`,
    );
  return code.replace(
    PLACEMENT,
    (_, forced: string, between: string, changed: string) =>
      `${forced}||=this._layerOrderChanged||${between}` +
      `${changed}&&!${forced}&&this.pauseablePlacement.placement.setStale()`,
  );
}
