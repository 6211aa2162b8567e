/**
 * Once the first screen is drawn, compiles the page's filter matching ahead of the first filter
 * click (see warmUpMatching in data/page-results.ts): several calls, each in a task of its own,
 * so none holds the page for long (the first, still interpreted, takes about 20 ms at 100,000
 * actors). With three calls the first click still spent 11 ms matching at 100,000 actors (V8 had
 * not finished optimising it); with eight, under 6 ms for the whole page-side answer. First
 * clicks at 100,000 actors, four alternating runs: list 152 → 80 ms, map settled 445 → 302 ms
 * (the click came while the worker was still reading the full file). A later dataset (the full
 * file after a snapshot) has arrays of the same kinds, so the compiled code serves it too.
 */
import type { DatasetSummary } from '@/data/backend.ts';
import { warmUpMatching } from '@/data/page-results.ts';
import { firstScreen } from './first-screen.ts';

export const WARM_UP_CALLS = 8;

type Summary = Pick<DatasetSummary, 'forward' | 'nameOrder'>;

export interface WarmUpTiming {
  /** Runs work once the first screen is drawn. */
  after: (work: () => void) => void;
  /** Runs work in a task of its own. */
  schedule: (work: () => void) => void;
  warm: (summary: Summary) => unknown;
}

const PAGE_TIMING: WarmUpTiming = {
  after: (work) => firstScreen.after(work),
  schedule: (work) => window.setTimeout(work, 0),
  warm: warmUpMatching,
};

export function warmUpMatchingLater(summary: Summary, timing: WarmUpTiming = PAGE_TIMING): void {
  timing.after(() => {
    let calls = 0;
    const next = () => {
      timing.warm(summary);
      calls += 1;
      if (calls < WARM_UP_CALLS) timing.schedule(next);
    };
    timing.schedule(next);
  });
}
