import { describe, expect, it } from 'vitest';
import { isNoWebGLError } from '@/map/webgl.ts';

describe('isNoWebGLError', () => {
  it('recognises MapLibre’s failure to get a WebGL 2 context, and nothing else', () => {
    const gpu = new Error('WebGL2 is required to display this map.');
    gpu.name = 'GPUInitializationError';
    expect(isNoWebGLError(gpu)).toBe(true);
    expect(isNoWebGLError(new Error('Failed to fetch style'))).toBe(false);
    expect(isNoWebGLError('GPUInitializationError')).toBe(false);
    expect(isNoWebGLError(undefined)).toBe(false);
  });
});
