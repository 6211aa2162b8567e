/** Debian's Chromium, launched the way this machine needs (see README, "Testing"). */
import { chromium, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchOptions: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // WebGL through SwiftShader: MapLibre renders without a GPU.
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
  ],
};

export { chromium };
