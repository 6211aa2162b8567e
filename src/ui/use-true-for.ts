import { useEffect, useState } from 'react';

/**
 * True once `condition` has held for `ms` without a break; false again as soon as it stops. For
 * telling the reader that something is slow, without a flash of text when it is not.
 */
export function useTrueFor(condition: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!condition) return;
    const timer = window.setTimeout(() => setHeld(true), ms);
    return () => {
      window.clearTimeout(timer);
      setHeld(false);
    };
  }, [condition, ms]);
  return held;
}
