/**
 * Imported first by main.tsx, so the GPU warm-up's worker is asked for before the rest of the
 * start-up script runs: the worker's context is made in the page's idle moments (Chromium makes a
 * worker's WebGL context with the help of the page's thread), and the earlier it starts, the
 * sooner it is done.
 */
import { warmUpGpu } from './gpu-warm-up.ts';
import { mayHaveWebGL2 } from './webgl.ts';

if (mayHaveWebGL2()) void warmUpGpu();
