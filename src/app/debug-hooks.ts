/**
 * A small console handle for the benchmark and for curious readers: `aktorskartanApp.remountMap()`
 * tears the map down and builds it again, resolving when the new map has loaded (the benchmark
 * repeats it to show that map instances do not leak); `aktorskartanApp.dataWorkerIdle()` resolves
 * when the data worker has done the work it put off after load (the benchmark measures memory
 * after it).
 */
import { getBackend } from '@/data/create-backend.ts';
import { useUiStore } from './ui-store.ts';

export function installDebugHooks(): void {
  (window as unknown as Record<string, unknown>).aktorskartanApp = {
    dataWorkerIdle: () => getBackend().catchUp(),
    remountMap: () =>
      new Promise<void>((resolve) => {
        const unsubscribe = useUiStore.subscribe((state, previous) => {
          if (state.mapStatus === 'ready' && previous.mapStatus !== 'ready') {
            unsubscribe();
            resolve();
          }
        });
        useUiStore.getState().remountMap();
      }),
  };
}
