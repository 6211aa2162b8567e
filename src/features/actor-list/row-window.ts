/**
 * The geometry of a list whose rows all have one height: which rows to render for a scroll
 * position, and where to scroll to bring a row into view. Every answer is a little arithmetic,
 * whatever the number of rows: a general virtualiser that measures each row builds a position
 * per row whenever the count changes, which cost more than the filtering itself on a click
 * that left 50,000 results.
 */

/** Rows [start, end) to render. */
export interface RowWindow {
  start: number;
  end: number;
}

export interface RowGeometry {
  count: number;
  /** Height of every row, px (measured; > 0). */
  rowHeight: number;
  /** Height of the scrolling viewport, px; 0 when not known yet. */
  viewportHeight: number;
}

/** Rows rendered while the viewport's height is not known yet: more than a screenful. */
export const UNKNOWN_VIEWPORT_ROWS = 20;

export function rowWindow(geometry: RowGeometry, scrollTop: number, overscan: number): RowWindow {
  const { count, rowHeight, viewportHeight } = geometry;
  if (count <= 0 || !(rowHeight > 0)) return { start: 0, end: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const visible =
    viewportHeight > 0
      ? Math.ceil((top + viewportHeight) / rowHeight) - first
      : UNKNOWN_VIEWPORT_ROWS;
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + visible + overscan),
  };
}

/**
 * The scroll position that shows row `index` with the least movement: unchanged if the row is
 * already wholly in view, else the row at the top (coming from below) or bottom (from above).
 */
export function scrollTopToShow(geometry: RowGeometry, scrollTop: number, index: number): number {
  const { count, rowHeight, viewportHeight } = geometry;
  if (count <= 0 || !(rowHeight > 0)) return scrollTop;
  const row = Math.max(0, Math.min(count - 1, index));
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (viewportHeight > 0 && bottom > scrollTop + viewportHeight)
    return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Rows in one viewport, at least one: the step of Page Up and Page Down. */
export const rowsPerPage = (geometry: RowGeometry): number =>
  geometry.rowHeight > 0 && geometry.viewportHeight > 0
    ? Math.max(1, Math.floor(geometry.viewportHeight / geometry.rowHeight))
    : 1;
