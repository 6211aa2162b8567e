/**
 * The "as of year" view: what existed, and what was running, in a given year. A missing start or
 * end is unknown, not assumed: such things are reported as 'unknown' and shown as such.
 */
import type { Actor } from '@/data/dataset.ts';
import type { Period } from '@/data/schema.ts';

export type Activity = 'active' | 'inactive' | 'unknown';

/** A programme's standing in a year. */
export function programmeActivity(
  period: Pick<Period, 'start' | 'end' | 'ongoing'>,
  year: number,
): Activity {
  const { start, end, ongoing } = period;
  if (start !== null && year < start) return 'inactive';
  if (end !== null && year > end) return 'inactive';
  if (start === null) return 'unknown';
  if (end === null && !ongoing) return 'unknown';
  return 'active';
}

/** A membership or relation with optional from/to years, within its programme's period. */
export function spanActivity(span: { from?: number; to?: number }, year: number): Activity {
  if (span.from !== undefined && year < span.from) return 'inactive';
  if (span.to !== undefined && year > span.to) return 'inactive';
  return span.from === undefined && span.to === undefined ? 'unknown' : 'active';
}

/**
 * Whether an actor existed in a year. Founded later or closed earlier: inactive. Without a
 * founding year it is assumed present (most records have none) and reported as unknown.
 */
export function actorActivity(actor: Pick<Actor, 'founded' | 'closed'>, year: number): Activity {
  if (actor.founded && year < actor.founded.year) return 'inactive';
  if (actor.closed?.year != null && year > actor.closed.year) return 'inactive';
  return actor.founded ? 'active' : 'unknown';
}

/** Mask of actors present in a year (1) or not (0), for the result set. */
export function presenceMask(
  actors: readonly Pick<Actor, 'founded' | 'closed'>[],
  year: number,
): Uint8Array {
  return Uint8Array.from(actors, (a) => (actorActivity(a, year) === 'inactive' ? 0 : 1));
}

/** Earliest and latest years the dataset speaks of, for the year control's range. */
export function yearRange(
  actors: readonly Pick<Actor, 'founded' | 'closed'>[],
  periods: readonly Pick<Period, 'start' | 'end'>[],
  now: number,
): [number, number] {
  let min = now;
  for (const a of actors) {
    if (a.founded && a.founded.year < min) min = a.founded.year;
  }
  for (const p of periods) {
    if (p.start !== null && p.start < min) min = p.start;
  }
  return [Math.max(min, 1990), now];
}
