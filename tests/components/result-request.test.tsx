import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '@/app/ui-store.ts';
import { useResultRequest } from '@/app/use-results.ts';
import { flushUrlWrites, setUrlState } from '@/app/url-store.ts';

/** Renders the hook and counts its renders. */
function renderCounted() {
  const counter = { renders: 0 };
  const hook = renderHook(() => {
    counter.renders += 1;
    return useResultRequest();
  });
  return { ...hook, counter };
}

/** What the map reports at the end of every pan or zoom. */
function panEnds(n: number) {
  act(() => {
    useUiStore.getState().setViewBounds([17 + n / 100, 59, 18 + n / 100, 60]);
    setUrlState({ view: { longitude: 17.5 + n / 100, latitude: 59.5, zoom: 8 } }, 'replace');
  });
}

describe('the result request and the map view', () => {
  beforeEach(() => {
    flushUrlWrites();
    window.history.replaceState(null, '', '/');
    useUiStore.setState({ viewBounds: null });
    act(() => setUrlState({ inView: false, sort: 'relevance', view: null }));
  });
  afterEach(() => flushUrlWrites());

  it('does not render again when the map moves and the results do not depend on it', () => {
    const { result, counter } = renderCounted();
    const before = counter.renders;
    const request = result.current.request;
    panEnds(1);
    panEnds(2);
    expect(counter.renders).toBe(before);
    expect(result.current.request).toBe(request);
  });

  it('follows the map with "search as I move the map" on, and the centre when sorting by distance', () => {
    act(() => setUrlState({ inView: true }));
    const inView = renderCounted();
    panEnds(3);
    expect(inView.result.current.request.inView).toEqual([17.03, 59, 18.03, 60]);
    inView.unmount();
    act(() => setUrlState({ inView: false, sort: 'distance' }));
    const nearest = renderCounted();
    panEnds(4);
    expect(nearest.result.current.request.center).toEqual([17.54, 59.5]);
    expect(nearest.result.current.request.inView).toBeNull();
  });
});
