import { useEffect, useRef, useState } from 'react';

/**
 * A value that follows `value` once the frame showing its change has been painted: in the first
 * task after the next animation frame.
 *
 * For work that must not hold that frame back. React's `useDeferredValue` renders its deferred
 * update in the very next task, which the browser runs before it draws the frame; at 100,000
 * actors the map's share of a filter click (counting the results per place, clustering) took
 * 40–50 ms there and delayed the list's paint by as much. Changes that come faster than frames
 * are coalesced: what follows is always the latest value. Not `enabled`, it is `value` itself.
 */
export function useAfterPaint<T>(value: T, enabled = true): T {
  const [painted, setPainted] = useState(value);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
    if (!enabled || Object.is(value, painted)) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(latest.current), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [value, painted, enabled]);
  return enabled ? painted : value;
}
