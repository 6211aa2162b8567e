/**
 * Whether this browser may run MapLibre, decided without creating a WebGL context.
 *
 * A probe context used to be created at start-up to decide between map and list. Under software
 * rendering that probe alone took about 350 ms of the main thread, before the data was even
 * requested, and MapLibre then created its own context anyway. Now a browser without the WebGL 2
 * API gets the list straight away; one that has the API but cannot give a context (blocklisted
 * GPU, WebGL disabled) is told by MapLibre's own attempt: see isNoWebGLError, which map-view uses
 * to show the same list mode.
 */
export function mayHaveWebGL2(): boolean {
  return typeof WebGL2RenderingContext === 'function';
}

/** MapLibre could not create a WebGL 2 context (its GPUInitializationError, matched by name). */
export function isNoWebGLError(error: unknown): boolean {
  return error instanceof Error && error.name === 'GPUInitializationError';
}
