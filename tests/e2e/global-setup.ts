/**
 * Starts, once for the whole end-to-end run, the static server for dist/ and one Chromium
 * server that every spec connects to.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromium, launchOptions } from './browser.ts';
import { listen, serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run npm run build before the end-to-end tests.');
  const { server, url } = await listen(serveStatic('dist'));
  const browserServer = await chromium.launchServer(launchOptions);
  project.provide('baseUrl', url);
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await new Promise((done) => server.close(done));
  };
}
