import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UNKNOWN_VIEWPORT_ROWS,
  rowWindow,
  rowsPerPage,
  scrollTopToShow,
} from '@/features/actor-list/row-window.ts';

const geometry = { count: 1000, rowHeight: 80, viewportHeight: 400 };

describe('the rows to render', () => {
  it('are those in view, and the overscan on either side', () => {
    expect(rowWindow(geometry, 0, 0)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(geometry, 0, 3)).toEqual({ start: 0, end: 8 });
    // Scrolled half a row: six rows are partly in view.
    expect(rowWindow(geometry, 8040, 0)).toEqual({ start: 100, end: 106 });
    expect(rowWindow(geometry, 8040, 2)).toEqual({ start: 98, end: 108 });
  });

  it('stop at the ends of the list, and an empty or unmeasured list renders nothing', () => {
    expect(rowWindow(geometry, 80 * 998, 4)).toEqual({ start: 994, end: 1000 });
    expect(rowWindow(geometry, 1e9, 4)).toEqual({ start: 995, end: 1000 });
    expect(rowWindow(geometry, -50, 4)).toEqual({ start: 0, end: 9 });
    expect(rowWindow({ ...geometry, count: 0 }, 0, 4)).toEqual({ start: 0, end: 0 });
    expect(rowWindow({ ...geometry, rowHeight: 0 }, 0, 4)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(geometry, Number.NaN, 0)).toEqual({ start: 0, end: 5 });
  });

  it('fill more than a screen while the viewport is not measured', () => {
    expect(rowWindow({ ...geometry, viewportHeight: 0 }, 0, 0)).toEqual({
      start: 0,
      end: UNKNOWN_VIEWPORT_ROWS,
    });
  });

  it('always cover the viewport, for any list and position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        (count, rowHeight, viewportHeight, at, overscan) => {
          const g = { count, rowHeight, viewportHeight };
          const maxTop = Math.max(0, count * rowHeight - viewportHeight);
          const top = at * maxTop;
          const { start, end } = rowWindow(g, top, overscan);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          // Every row that shows any pixel in the viewport is rendered.
          const firstSeen = Math.floor(top / rowHeight);
          const lastSeen = Math.min(count - 1, Math.ceil((top + viewportHeight) / rowHeight) - 1);
          expect(start).toBeLessThanOrEqual(firstSeen);
          expect(end).toBeGreaterThan(lastSeen);
          // And not many more: the window is bounded by the viewport, not the list.
          expect(end - start).toBeLessThanOrEqual(viewportHeight / rowHeight + 2 + 2 * overscan);
        },
      ),
    );
  });
});

describe('scrolling a row into view', () => {
  it('moves only as far as needed', () => {
    // Already in view: stay.
    expect(scrollTopToShow(geometry, 0, 2)).toBe(0);
    // Below: it becomes the last row in view.
    expect(scrollTopToShow(geometry, 0, 10)).toBe(11 * 80 - 400);
    // Above: it becomes the first.
    expect(scrollTopToShow(geometry, 4000, 3)).toBe(240);
    // Partly hidden at the bottom: brought in.
    expect(scrollTopToShow(geometry, 0, 4.5 | 0)).toBe(0);
    expect(scrollTopToShow(geometry, 10, 5)).toBe(80);
  });

  it('clamps to the list', () => {
    expect(scrollTopToShow(geometry, 0, 5000)).toBe(1000 * 80 - 400);
    expect(scrollTopToShow(geometry, 500, -3)).toBe(0);
    expect(scrollTopToShow({ ...geometry, count: 0 }, 123, 4)).toBe(123);
  });
});

describe('a page of rows', () => {
  it('is as many whole rows as the viewport holds, at least one', () => {
    expect(rowsPerPage(geometry)).toBe(5);
    expect(rowsPerPage({ ...geometry, viewportHeight: 50 })).toBe(1);
    expect(rowsPerPage({ ...geometry, viewportHeight: 0 })).toBe(1);
  });
});
