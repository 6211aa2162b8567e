/**
 * Offline support: the service worker (built by vite-plugin-pwa) precaches the app, the dataset
 * and the embedded basemap. A new version is announced and waits for the reader's consent.
 * Registered from this module, so no inline script is needed and the CSP stays strict.
 */
import { useUiStore } from './ui-store.ts';

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const activate = registerSW({
    onNeedRefresh: () => useUiStore.getState().setUpdate({ activate: () => void activate(true) }),
    onOfflineReady: () => useUiStore.getState().setOfflineReady(true),
  });
}
