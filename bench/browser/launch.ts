/**
 * Debian's Chromium, launched as the end-to-end tests launch it (tests/e2e/browser.ts): WebGL2
 * through SwiftShader, no GPU. Every measured run gets a fresh context (empty cache, no service
 * worker), with the viewport the end-to-end tests use.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const VIEWPORT = { width: 1400, height: 900 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
}

/**
 * tsx compiles with esbuild's keepNames, which wraps functions in `__name(fn, "name")`; functions
 * passed to page.evaluate carry those calls into the page, where `__name` must exist.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'sv-SE',
    // Service workers would cache the app and the data between runs.
    serviceWorkers: 'block',
    reducedMotion: 'no-preference',
  });
  await context.addInitScript({ content: NAME_SHIM });
  return context;
}
