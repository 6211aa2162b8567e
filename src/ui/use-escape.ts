import { useEffect, useRef } from 'react';

/**
 * Calls `onEscape` when Escape is pressed anywhere in the page, unless a modal dialog is open
 * (the dialog handles its own Escape). Used by the side panels.
 */
export function useEscape(onEscape: () => void) {
  const handler = useRef(onEscape);
  useEffect(() => {
    handler.current = onEscape;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      handler.current();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
