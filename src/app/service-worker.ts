/**
 * Offline support: the service worker (built by vite-plugin-pwa) precaches the app, the dataset
 * and the embedded basemap. A new version is announced and waits for the reader's consent.
 * Registered from this module, so no inline script is needed and the CSP stays strict; main.tsx
 * registers it once the first screen is drawn (first-screen.ts).
 */
import { useUiStore } from './ui-store.ts';

export const SERVICE_WORKER_MARK = 'aktorskartan:service-worker-registering';

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  performance.mark(SERVICE_WORKER_MARK);
  const { registerSW } = await import('virtual:pwa-register');
  const activate = registerSW({
    onNeedRefresh: () => useUiStore.getState().setUpdate({ activate: () => void activate(true) }),
    onOfflineReady: () => useUiStore.getState().setOfflineReady(true),
  });
}
