import { afterEach, describe, expect, it, vi } from 'vitest';
import { runGpuWarmUp } from '@/map/gpu-warm-up.ts';

/** A stand-in for the warm-up worker: the test decides what it answers, and when. */
class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = 0;
  terminate() {
    this.terminated += 1;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

function start(timeoutMs = 3000) {
  const worker = new FakeWorker();
  const outcome = runGpuWarmUp({
    createWorker: () => worker as unknown as Worker,
    timeoutMs,
  });
  return { worker, outcome };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runGpuWarmUp', () => {
  it('ends when the worker says it got a WebGL 2 context, and stops the worker', async () => {
    const { worker, outcome } = start();
    worker.answer(true);
    await expect(outcome).resolves.toBe('context');
    expect(worker.terminated).toBe(1);
  });

  it('ends as well when the worker got no context', async () => {
    const { worker, outcome } = start();
    worker.answer(false);
    await expect(outcome).resolves.toBe('no-context');
    expect(worker.terminated).toBe(1);
  });

  it('ends when the worker fails to load or run', async () => {
    const { worker, outcome } = start();
    worker.fail();
    await expect(outcome).resolves.toBe('failed');
    expect(worker.terminated).toBe(1);
  });

  it('does not keep the map waiting for a worker that never answers', async () => {
    vi.useFakeTimers();
    const { worker, outcome } = start(3000);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(2999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBe('timeout');
    expect(worker.terminated).toBe(1);
    // A late answer changes nothing.
    worker.answer(true);
    expect(worker.terminated).toBe(1);
  });

  it('ends at once when the worker cannot even be created', async () => {
    const outcome = runGpuWarmUp({
      createWorker: () => {
        throw new Error('blocked by policy');
      },
      timeoutMs: 3000,
    });
    await expect(outcome).resolves.toBe('failed');
  });

  it('ends at once where workers or OffscreenCanvas are missing', async () => {
    await expect(runGpuWarmUp({ createWorker: null, timeoutMs: 3000 })).resolves.toBe(
      'unsupported',
    );
  });
});
