import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFirstScreen } from '@/app/first-screen.ts';

describe('first screen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds work until the first screen is drawn, then runs it once', () => {
    const screen = createFirstScreen(10_000);
    const work = vi.fn();
    screen.after(work);
    vi.advanceTimersByTime(5_000);
    expect(work).not.toHaveBeenCalled();
    screen.drawn();
    expect(work).toHaveBeenCalledTimes(1);
    screen.drawn();
    vi.advanceTimersByTime(10_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs work at once when the screen is already drawn', () => {
    const screen = createFirstScreen(10_000);
    screen.drawn();
    const work = vi.fn();
    screen.after(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the waiting work at the fallback when nothing is ever drawn', () => {
    const screen = createFirstScreen(10_000);
    const first = vi.fn();
    const second = vi.fn();
    screen.after(first);
    screen.after(second);
    vi.advanceTimersByTime(9_999);
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    screen.drawn();
    expect(first).toHaveBeenCalledTimes(1);
  });
});
