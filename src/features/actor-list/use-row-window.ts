/**
 * A virtual window over a list of equal-height rows (see row-window.ts for why equal).
 *
 * The row height comes from CSS (--actor-row-height, in rem, so it follows the reader's font
 * size): a hidden ruler element of that height is measured, never the rows. The list re-renders
 * when the set of rows in the window changes, not on every scroll event.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow, rowsPerPage, scrollTopToShow, type RowGeometry } from './row-window.ts';

/** Until the ruler is measured (jsdom has no layout). */
const FALLBACK_ROW_HEIGHT = 100;

export function useRowWindow(count: number, overscan: number) {
  // The elements, as state so the measuring effect follows them being mounted and unmounted (the
  // list gives way to the "nothing matches" message), and the scroller as a ref for writing to.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [ruler, setRuler] = useState<HTMLDivElement | null>(null);
  const scrollerElement = useRef<HTMLDivElement | null>(null);
  const attachScroller = useCallback((element: HTMLDivElement | null) => {
    scrollerElement.current = element;
    setScroller(element);
  }, []);
  const [rowHeight, setRowHeight] = useState(FALLBACK_ROW_HEIGHT);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const geometry: RowGeometry = { count, rowHeight, viewportHeight };
  const shown = rowWindow(geometry, scrollTop, overscan);
  // What the scroll handler compares against: the last rendered geometry and window.
  const latest = useRef(geometry);
  const shownRef = useRef(shown);
  useLayoutEffect(() => {
    latest.current = geometry;
    shownRef.current = shown;
  });

  useLayoutEffect(() => {
    if (!scroller) return;
    const measure = () => {
      setViewportHeight(scroller.clientHeight);
      const height = ruler?.offsetHeight ?? 0;
      if (height > 0) setRowHeight(height);
    };
    // Measured before the first paint, so the rows never show at a guessed height; but not here,
    // where reading a size makes the browser lay out the whole new page inside React's commit (in
    // a fresh browser 40 ms of layout, and 120 ms of style with it, all in the task that first
    // renders the actors). A ResizeObserver reports the sizes after the frame's own layout and
    // before its paint, and the rows are rendered there and then (flushSync), so the frame that
    // is painted has them.
    const observer =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => flushSync(measure)) : null;
    if (!observer) measure();
    const onScroll = () => {
      const top = scroller.scrollTop;
      const next = rowWindow(latest.current, top, overscan);
      const now = shownRef.current;
      if (next.start !== now.start || next.end !== now.end) setScrollTop(top);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    observer?.observe(scroller);
    if (ruler) observer?.observe(ruler);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scroller, ruler, overscan]);

  const scrollToIndex = useCallback((index: number) => {
    const element = scrollerElement.current;
    if (!element) return;
    const top = scrollTopToShow(latest.current, element.scrollTop, index);
    if (top === element.scrollTop) return;
    element.scrollTop = top;
    // Rendered now, not at the scroll event: a keyboard move focuses the row right after.
    setScrollTop(top);
  }, []);

  return {
    scroller,
    attachScroller,
    attachRuler: setRuler,
    window: shown,
    rowHeight,
    totalHeight: count * rowHeight,
    pageRows: rowsPerPage(geometry),
    scrollToIndex,
  };
}
