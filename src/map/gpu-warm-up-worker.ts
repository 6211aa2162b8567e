/**
 * Creates one WebGL 2 context off the main thread and says whether it got one (see gpu-warm-up.ts).
 * The context goes with the worker when the page terminates it; the browser's GPU process stays
 * started.
 */
let ok = false;
try {
  ok = new OffscreenCanvas(1, 1).getContext('webgl2') !== null;
} catch {
  ok = false;
}
postMessage(ok);
