/**
 * A build-time patch of MapLibre GL JS 6.17 (its published `dist/maplibre-gl.mjs`): the map may
 * ask for a WebGL canvas without an alpha channel.
 *
 * `Map._setupPainter` creates the context with `alpha: true` whatever the map's
 * `canvasContextAttributes` say. A canvas with alpha is a translucent layer to the browser's
 * compositor, which blends it over the page beneath in every frame the page draws, even when the
 * map did not change: under software rendering a frame that only changed the list or the search
 * box took about 22 ms of the GPU process with the map shown and about 15 ms with it hidden.
 * The embedded basemap's background layer covers the whole canvas, so the map asks for an opaque
 * canvas (src/map/map-view.tsx) and the compositor draws it as one: about 15 ms, and the same
 * pixels (screenshots of both builds, ten views: no pixel differs). The patch honours
 * `canvasContextAttributes.alpha === false`; anything else keeps upstream's `alpha: true`.
 *
 * The published file is minified, so the code is matched by its shape. A MapLibre version whose
 * code no longer matches fails the build with this file's name, never silently: then check
 * whether upstream still forces alpha, and update or drop.
 */

/** `{...this._canvasContextAttributes, alpha: true, depth: true, stencil: true, premultipliedAlpha: true}` */
const CONTEXT_ATTRIBUTES =
  /\{\.\.\.this\._canvasContextAttributes,alpha:!0,(depth:!0,stencil:!0,premultipliedAlpha:!0\})/g;

export function patchCanvasAlpha(code: string): string {
  const found = [...code.matchAll(CONTEXT_ATTRIBUTES)].length;
  if (found !== 1)
    throw new Error(
      `scripts/lib/maplibre-canvas-alpha-patch.ts: expected MapLibre's context attributes once ` +
        `in maplibre-gl.mjs, found them ${found} times; see that file's comment`,
    );
  return code.replace(
    CONTEXT_ATTRIBUTES,
    (_, rest: string) =>
      `{...this._canvasContextAttributes,alpha:this._canvasContextAttributes.alpha!==!1,${rest}`,
  );
}
