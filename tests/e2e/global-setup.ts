/**
 * Starts, once for the whole end-to-end run, the static server for dist/ and one Chromium
 * server that every spec connects to.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromium, launchOptions } from './browser.ts';
import { listen, serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same app built with an unreachable online basemap, to test the fallback. */
    onlineBaseUrl: string;
    wsEndpoint: string;
  }
}

/** An address nothing listens on: the online basemap request fails at once. */
export const UNREACHABLE_STYLE = 'http://127.0.0.1:9/style.json';

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run npm run build before the end-to-end tests.');
  const { server, url } = await listen(serveStatic('dist'));
  // A second build, identical but for an online basemap that cannot be reached.
  execFileSync('npx', ['vite', 'build', '--outDir', 'dist-online', '--logLevel', 'error'], {
    env: { ...process.env, VITE_BASEMAP_STYLE_URL: UNREACHABLE_STYLE },
    stdio: 'inherit',
  });
  const online = await listen(serveStatic('dist-online'));
  project.provide('onlineBaseUrl', online.url);
  const browserServer = await chromium.launchServer(launchOptions);
  project.provide('baseUrl', url);
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await new Promise((done) => server.close(done));
    await new Promise((done) => online.server.close(done));
  };
}
