/**
 * The page's filter matching is run ahead of the first click: after the first screen, a call a
 * task (what each call does: tests/unit/page-results.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { WARM_UP_CALLS, warmUpMatchingLater } from '@/app/warm-up-matching.ts';

const summary = { forward: { size: 0 }, nameOrder: new Uint32Array(0) } as Parameters<
  typeof warmUpMatchingLater
>[0];

describe('warmUpMatchingLater', () => {
  it('waits for the first screen, then makes its calls a task at a time', () => {
    let drawn: (() => void) | null = null;
    const tasks: (() => void)[] = [];
    let calls = 0;
    warmUpMatchingLater(summary, {
      after: (work) => (drawn = work),
      schedule: (work) => tasks.push(work),
      warm: () => (calls += 1),
    });
    expect(calls).toBe(0);
    expect(tasks).toHaveLength(0);
    drawn!();
    expect(calls).toBe(0);
    for (let task = 1; task <= WARM_UP_CALLS; task++) {
      tasks.shift()!();
      expect(calls).toBe(task);
    }
    expect(tasks).toHaveLength(0);
  });
});
