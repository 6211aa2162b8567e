/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { PATCHED_FILE, patchMapLibre } from './scripts/lib/maplibre-patches.ts';

const src = fileURLToPath(new URL('./src', import.meta.url));

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null; // a relative URL: same origin
  }
};

/**
 * A Content-Security-Policy for the built app, as a meta tag (so `npm start` and any static host
 * serve it). No inline script and no eval anywhere; MapLibre's worker is a same-origin file.
 * The dataset's origin, and an online basemap if one is configured, are allowed to be fetched.
 * frame-ancestors cannot be set from a meta tag: see README, "Embedding".
 */
export function contentSecurityPolicy(env: Record<string, string>): string {
  const data = originOf(env.VITE_DATA_URL);
  const style = env.VITE_BASEMAP_STYLE_URL;
  // An online style names its own tile, sprite and glyph hosts, unknown at build time.
  const online = style ? ' https:' : '';
  const connect = ["'self'", data, originOf(style)].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${online}`,
    "font-src 'self'",
    `connect-src ${connect}${online}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

function cspPlugin(env: Record<string, string>): Plugin {
  return {
    name: 'aktorskartan-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(env)}" />`,
        ),
    },
  };
}

/**
 * Two deviations from MapLibre as published, applied to the build only (scripts/lib/maplibre-patches.ts):
 * one frame less after every change of the map's symbol data, and an opaque canvas the
 * compositor need not blend. The dev server's pre-bundled MapLibre keeps upstream's behaviour,
 * which draws the same map, one frame later and with more compositing work.
 */
function maplibrePatchesPlugin(): Plugin {
  return {
    name: 'aktorskartan-maplibre-patches',
    apply: 'build',
    transform: (code, id) =>
      PATCHED_FILE.test(id) ? { code: patchMapLibre(code), map: null } : null,
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const dataOrigin = originOf(env.VITE_DATA_URL);
  return {
    plugins: [
      react(),
      cspPlugin(env),
      maplibrePatchesPlugin(),
      mode !== 'test' &&
        VitePWA({
          // A new version waits for the reader to accept it: no silent swap under their feet.
          registerType: 'prompt',
          // Registered from our own module (src/app/update-prompt.tsx): no inline script, so the CSP holds.
          injectRegister: null,
          includeAssets: ['favicon.svg'],
          manifest: {
            name: 'Aktörskartan',
            short_name: 'Aktörskartan',
            description:
              'Innovationsekosystemet Stockholm–Uppsala: vilka aktörerna är, vad de gör och var de finns.',
            lang: 'sv',
            start_url: '.',
            display: 'standalone',
            theme_color: '#1f3a5f',
            background_color: '#ffffff',
            icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
          },
          workbox: {
            // The app, the dataset (with its summary snapshot) and the embedded basemap:
            // everything needed offline.
            globPatterns: [
              '**/*.{js,mjs,css,html,svg,geojson,webmanifest}',
              'data/*.summary.json',
              'basemap/tiles/**/*.pbf',
            ],
            // The basemap's GeoJSON files are what its tiles are cut from; the map reads the tiles.
            globIgnores: [
              'mockServiceWorker.js',
              'basemap/{land,lakes,overview-land,overview-lakes}.geojson',
            ],
            maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
            navigateFallback: 'index.html',
            runtimeCaching: dataOrigin
              ? [
                  {
                    // A dataset on another host: fresh when online, the last copy when not.
                    urlPattern: ({ url }) => url.origin === dataOrigin,
                    handler: 'NetworkFirst',
                    options: { cacheName: 'aktorskartan-data', networkTimeoutSeconds: 10 },
                  },
                ]
              : [],
          },
        }),
    ],
    resolve: { alias: { '@': src } },
    build: {
      target: 'es2022',
      rollupOptions: {
        input: {
          main: fileURLToPath(new URL('./index.html', import.meta.url)),
          accessibility: fileURLToPath(new URL('./accessibility.html', import.meta.url)),
        },
      },
      // MapLibre is one large chunk on purpose: it is loaded lazily, in parallel with the data.
      chunkSizeWarningLimit: 1200,
    },
    preview: { port: 4173, strictPort: true },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
        },
        {
          extends: true,
          test: {
            name: 'components',
            environment: 'jsdom',
            include: ['tests/components/**/*.test.tsx'],
            setupFiles: ['tests/components/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.e2e.ts'],
            globalSetup: ['tests/e2e/global-setup.ts'],
            // One browser on a 2-core machine: files run one after another.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
