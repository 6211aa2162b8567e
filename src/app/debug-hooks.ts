/**
 * A small console handle for the benchmark and for curious readers: `aktorskartanApp.remountMap()`
 * tears the map down and builds it again, resolving when the new map has loaded. The benchmark
 * repeats it to show that map instances do not leak.
 */
import { useUiStore } from './ui-store.ts';

export function installDebugHooks(): void {
  (window as unknown as Record<string, unknown>).aktorskartanApp = {
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
