/**
 * The first screen: the first actors drawn on the map, or the list alone where the map cannot
 * start. Work that can wait, waits for it. The service worker's install downloads the app, the
 * data and the basemap's tiles into its cache; begun at the page's load event, it ran while
 * MapLibre drew its first frames and took CPU from them (Lighthouse, median of five runs: 84
 * with it, 94 without it, blocking time 298 → 155 ms).
 *
 * A fallback timer makes sure the waiting work runs even when no actor is ever drawn (an empty
 * dataset, a failed load, a map that never finishes).
 */

export const FIRST_SCREEN_MARK = 'aktorskartan:first-screen';
/** Long enough for a slow first map at 100,000 actors on a 2-core machine (about 2 s). */
export const FIRST_SCREEN_FALLBACK_MS = 10_000;

export interface FirstScreen {
  /** Says the first screen is drawn; later calls do nothing. */
  drawn(): void;
  /** Runs `work` once the first screen is drawn (at once if it is), or at the fallback. */
  after(work: () => void): void;
}

export function createFirstScreen(fallbackMs: number): FirstScreen {
  const waiting: (() => void)[] = [];
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    performance.mark(FIRST_SCREEN_MARK);
    for (const work of waiting.splice(0)) work();
  };
  const timer = setTimeout(finish, fallbackMs);
  return {
    drawn: finish,
    after(work) {
      if (done) work();
      else waiting.push(work);
    },
  };
}

/** The page's own. */
export const firstScreen = createFirstScreen(FIRST_SCREEN_FALLBACK_MS);
