import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from '@/app/use-after-paint.ts';

describe('useAfterPaint', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const start = (enabled = true) =>
    renderHook(({ value }) => useAfterPaint(value, enabled), { initialProps: { value: 'a' } });

  it('keeps the old value through the next frame and follows in the task after it', () => {
    const { result, rerender } = start();
    rerender({ value: 'b' });
    expect(result.current).toBe('a');
    act(() => vi.advanceTimersToNextFrame());
    // The frame's callback has run; the value follows in a task of its own after it.
    act(() => vi.advanceTimersByTime(0));
    act(() => vi.runOnlyPendingTimers());
    expect(result.current).toBe('b');
  });

  it('follows the latest of several changes within one frame, once', () => {
    const { result, rerender } = start();
    const seen: string[] = [];
    rerender({ value: 'b' });
    rerender({ value: 'c' });
    seen.push(result.current);
    act(() => vi.advanceTimersToNextFrame());
    act(() => vi.runOnlyPendingTimers());
    seen.push(result.current);
    expect(seen).toEqual(['a', 'c']);
  });

  it('passes the value through at once when not enabled', () => {
    const { result, rerender } = start(false);
    rerender({ value: 'b' });
    expect(result.current).toBe('b');
    act(() => vi.runAllTimers());
    expect(result.current).toBe('b');
  });
});
