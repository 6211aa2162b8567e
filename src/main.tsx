// First: starts a worker that is best started before anything else (see the module).
import '@/map/start-gpu-warm-up.ts';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app.tsx';
import { installDebugHooks } from '@/app/debug-hooks.ts';
import { Providers } from '@/app/providers.tsx';
import { firstScreen } from '@/app/first-screen.ts';
import { registerServiceWorker } from '@/app/service-worker.ts';
import { startLoading } from '@/app/start-loading.ts';
import { getUrlState } from '@/app/url-store.ts';
import { collator } from '@/domain/collation.ts';
import { formatNumber, locale } from '@/i18n/i18n.ts';
import { loadMapView } from '@/features/map-region/map-region.tsx';
import { mayHaveWebGL2 } from '@/map/webgl.ts';
import './app/app.css';

// Start downloading the map chunk now, in parallel with the dataset, rather than after it.
if (mayHaveWebGL2()) void loadMapView();

async function start() {
  // Dev-only failure-mode playground (mocks/browser.ts); the condition is false in builds.
  if (import.meta.env.DEV && import.meta.env.VITE_MSW === '1') {
    const { startMocks } = await import('../mocks/browser.ts');
    await startMocks();
  }
  const root = document.getElementById('root');
  if (!root) return;
  const client = new QueryClient();
  startLoading(client);
  createRoot(root).render(
    <StrictMode>
      <Providers client={client}>
        <App />
      </Providers>
    </StrictMode>,
  );
}

installDebugHooks();
void start();
// The first Intl.Collator of a page loads the language's collation data: about 40 ms of the first
// render of the actors (filter panel) in a profile; the first number format, about 30 ms more in a
// fresh browser (the facet counts). Each is made in a task of its own while the page waits for its
// data (not requestIdleCallback: Chromium had not run it by the time data came).
window.setTimeout(() => void collator(locale(getUrlState().lang)), 0);
window.setTimeout(() => void formatNumber(0, getUrlState().lang), 0);
// Its install downloads the whole app and its basemap: not while the map draws its first frames.
if (import.meta.env.PROD) firstScreen.after(() => void registerServiceWorker());
