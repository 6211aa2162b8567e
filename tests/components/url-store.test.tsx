import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  currentHref,
  flushUrlWrites,
  getUrlState,
  setUrlState,
  useUrlState,
} from '@/app/url-store.ts';

/** The frame, then the task after it: when the app writes a pending address. */
function paintFrame() {
  act(() => vi.advanceTimersToNextFrame());
  act(() => vi.runOnlyPendingTimers());
}

const search = () => new URLSearchParams(window.location.search);

describe('the URL store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    flushUrlWrites();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    flushUrlWrites();
    vi.useRealTimers();
  });

  it('changes its state at once and the address bar after the next frame', () => {
    const { result } = renderHook(() => useUrlState((s) => s.q));
    act(() => setUrlState({ q: 'vecura' }));
    expect(result.current).toBe('vecura');
    expect(getUrlState().q).toBe('vecura');
    expect(search().get('q')).toBeNull();
    paintFrame();
    expect(search().get('q')).toBe('vecura');
    expect(result.current).toBe('vecura');
  });

  it('adds one history entry for a push and the replaces that follow it in the same frame', () => {
    const before = window.history.length;
    act(() => setUrlState({ actor: 'kth' }, 'push'));
    act(() => setUrlState({ q: 'life' }));
    paintFrame();
    expect(window.history.length).toBe(before + 1);
    expect(search().get('actor')).toBe('kth');
    expect(search().get('q')).toBe('life');
  });

  it('adds an entry for each push, though both come within one frame', () => {
    const before = window.history.length;
    act(() => setUrlState({ actor: 'kth' }, 'push'));
    act(() => setUrlState({ actor: 'vecura' }, 'push'));
    paintFrame();
    expect(window.history.length).toBe(before + 2);
    expect(search().get('actor')).toBe('vecura');
  });

  it('replaces the current entry for replaces alone', () => {
    const before = window.history.length;
    act(() => setUrlState({ q: 'a' }));
    act(() => setUrlState({ q: 'ab' }));
    paintFrame();
    expect(window.history.length).toBe(before);
    expect(search().get('q')).toBe('ab');
  });

  it('writes a pending address before "copy link" reads it, and when the page is left', () => {
    renderHook(() => useUrlState((s) => s.q));
    act(() => setUrlState({ q: 'copy' }));
    expect(new URL(currentHref()).searchParams.get('q')).toBe('copy');
    act(() => setUrlState({ q: 'leave' }));
    expect(search().get('q')).toBe('copy');
    window.dispatchEvent(new Event('pagehide'));
    expect(search().get('q')).toBe('leave');
  });

  it('lets Back win over a write not yet made', () => {
    const { result } = renderHook(() => useUrlState((s) => s.actor));
    act(() => setUrlState({ actor: 'kth' }, 'push'));
    expect(result.current).toBe('kth');
    // The reader goes back before the frame: the address and the state are the entry's.
    act(() => window.dispatchEvent(new PopStateEvent('popstate')));
    expect(result.current).toBeNull();
    paintFrame();
    expect(search().get('actor')).toBeNull();
    expect(result.current).toBeNull();
  });
});
