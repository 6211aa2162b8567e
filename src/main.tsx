import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app.tsx';
import { Providers } from '@/app/providers.tsx';
import { loadMapView } from '@/features/map-region/map-region.tsx';
import { hasWebGL2 } from '@/map/webgl.ts';
import './app/app.css';

// Start downloading the map chunk now, in parallel with the dataset, rather than after it.
if (hasWebGL2()) void loadMapView();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
}
