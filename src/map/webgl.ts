/**
 * Whether this browser can run MapLibre. Checked before the map's code is even downloaded, so a
 * browser without WebGL gets the list straight away, with a notice, instead of a broken map.
 */
export function hasWebGL2(): boolean {
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
