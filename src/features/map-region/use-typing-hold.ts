/**
 * While someone types a search, the list follows every keystroke but the map waits for a pause.
 * Under software WebGL one map frame costs the GPU process 100–300 ms, and a frame per keystroke
 * delays the paint of the next keystroke by as much (measured: 120–400 ms per key with the map
 * following, 40–60 ms without). Filters, clicks and pans are never held.
 */
import { useEffect, useState } from 'react';

export const TYPING_PAUSE_MS = 300;

export function useTypingHold<T>(
  value: T,
  text: string,
  pauseMs = TYPING_PAUSE_MS,
): { value: T; holding: boolean } {
  const [settledText, setSettledText] = useState(text);
  useEffect(() => {
    if (text === settledText) return;
    const timer = window.setTimeout(() => setSettledText(text), pauseMs);
    return () => window.clearTimeout(timer);
  }, [text, settledText, pauseMs]);
  const holding = text !== settledText;
  const [held, setHeld] = useState(value);
  // Derived state, set during render (React's documented pattern): what the map showed last.
  if (!holding && held !== value) setHeld(value);
  return { value: holding ? held : value, holding };
}
