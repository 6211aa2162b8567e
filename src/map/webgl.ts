/**
 * Whether this browser can run MapLibre. Checked before the map's code is even downloaded, so a
 * browser without WebGL gets the list straight away, with a notice, instead of a broken map.
 */
let known: boolean | null = null;

/** Asked once per page: each probe creates (and drops) a WebGL context, which is not free. */
export function hasWebGL2(): boolean {
  known ??= probe();
  return known;
}

function probe(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    const ok = gl !== null;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return ok;
  } catch {
    return false;
  }
}
