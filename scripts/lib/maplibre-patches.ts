/**
 * The build's patches of MapLibre as published (deviations, each explained in its own file and
 * in the README): applied by a Vite plugin in vite.config.ts to the build only.
 */
import { patchCanvasAlpha } from './maplibre-canvas-alpha-patch.ts';
import { patchPlacement } from './maplibre-placement-patch.ts';

/** The file the app's `import 'maplibre-gl'` resolves to (package.json exports: import). */
export const PATCHED_FILE = /[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl\.mjs$/;

export const patchMapLibre = (code: string): string => patchCanvasAlpha(patchPlacement(code));
