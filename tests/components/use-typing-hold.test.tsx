import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTypingHold } from '@/features/map-region/use-typing-hold.ts';

describe('useTypingHold', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const start = () =>
    renderHook(({ value, text }) => useTypingHold(value, text, 300), {
      initialProps: { value: 'all', text: '' },
    });

  it('passes values through at once while nobody types', () => {
    const { result, rerender } = start();
    expect(result.current).toEqual({ value: 'all', holding: false });
    rerender({ value: 'hospitals', text: '' });
    expect(result.current).toEqual({ value: 'hospitals', holding: false });
  });

  it('keeps the last value while the text changes, and shows the latest after a pause', () => {
    const { result, rerender } = start();
    rerender({ value: 'all', text: 's' });
    rerender({ value: 's-results', text: 's' });
    expect(result.current).toEqual({ value: 'all', holding: true });
    act(() => vi.advanceTimersByTime(200));
    rerender({ value: 's-results', text: 'so' });
    rerender({ value: 'so-results', text: 'so' });
    act(() => vi.advanceTimersByTime(200));
    // 400 ms since the first key, but only 200 since the last: still holding.
    expect(result.current).toEqual({ value: 'all', holding: true });
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toEqual({ value: 'so-results', holding: false });
  });

  it('follows results that arrive after the pause', () => {
    const { result, rerender } = start();
    rerender({ value: 'all', text: 'x' });
    act(() => vi.advanceTimersByTime(300));
    expect(result.current).toEqual({ value: 'all', holding: false });
    rerender({ value: 'x-results', text: 'x' });
    expect(result.current).toEqual({ value: 'x-results', holding: false });
  });
});
