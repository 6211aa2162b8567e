/**
 * Starts the browser's GPU side from a worker, so that MapLibre's WebGL context does not.
 *
 * The first WebGL context a browser creates waits for its GPU process to set up the graphics
 * driver, and `getContext` waits with it: 300–470 ms of the main thread under software WebGL
 * (measured in fresh Chromium instances), the longest task of a cold start and most of
 * Lighthouse's blocking time. Created in a worker on an OffscreenCanvas, that first context
 * blocks only the worker; the page's own context afterwards took 17–22 ms. A context asked for
 * while the worker's is still being made waits just as long, so the map waits for this to end.
 *
 * It never stands in the map's way: it resolves when the worker answers, fails, or after
 * `timeoutMs`, and at once where workers or OffscreenCanvas are missing. Whether the worker got a
 * context decides nothing: MapLibre's own attempt still says whether the map can run (webgl.ts).
 */

export const GPU_WARM_UP_MARK = 'aktorskartan:gpu-warmed';

export type GpuWarmUpOutcome = 'context' | 'no-context' | 'failed' | 'timeout' | 'unsupported';

export interface GpuWarmUpEnv {
  createWorker: (() => Worker) | null;
  timeoutMs: number;
}

export function runGpuWarmUp(env: GpuWarmUpEnv): Promise<GpuWarmUpOutcome> {
  const { createWorker, timeoutMs } = env;
  if (!createWorker) return Promise.resolve('unsupported');
  return new Promise((resolve) => {
    let worker: Worker | null = null;
    let settled = false;
    const finish = (outcome: GpuWarmUpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker?.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    try {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<unknown>) =>
        finish(event.data === true ? 'context' : 'no-context');
      worker.onerror = () => finish('failed');
    } catch {
      finish('failed');
    }
  });
}

function browserWorkerFactory(): (() => Worker) | null {
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  return () =>
    new Worker(new URL('./gpu-warm-up-worker.ts', import.meta.url), {
      type: 'module',
      name: 'gpu-warm-up',
    });
}

let started: Promise<GpuWarmUpOutcome> | null = null;

/** Starts the warm-up once per page; later calls return the same promise. */
export function warmUpGpu(): Promise<GpuWarmUpOutcome> {
  started ??= runGpuWarmUp({ createWorker: browserWorkerFactory(), timeoutMs: 3000 }).then(
    (outcome) => {
      performance.mark(GPU_WARM_UP_MARK, { detail: outcome });
      return outcome;
    },
  );
  return started;
}
