/**
 * Makes records that say the same thing share one copy of it. Parsed JSON gives every record its
 * own arrays and objects, even where thousands are identical: the same source list, the same
 * programme role, the same place, an English text equal to the Swedish one. At 100,000 actors
 * those copies were most of the dataset worker's memory.
 *
 * Shared values are frozen: records are read-only once parsed, and a mutation through one record
 * must fail loudly rather than change thousands. Pure, apart from rewriting the given actors'
 * fields in place (they are the caller's fresh objects).
 */
import type { Actor } from './dataset.ts';
import type { LocalizedText } from './schema.ts';

const EMPTY: readonly string[] = Object.freeze([]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// eslint-disable-next-line no-control-regex
const SEPARATORS = /[\u0000\u0001]/;

/**
 * A key for a flat record (strings, numbers, null, undefined, lists of strings), several times
 * faster to build than JSON; null for anything else, or for a string holding a separator, when
 * JSON takes over. Tags keep the string "null" apart from null, and "1" from 1.
 */
function flatKey(value: Record<string, unknown>): string | null {
  let key = '';
  for (const k in value) {
    const v = value[k];
    key += `${k}\u0000`;
    if (typeof v === 'string') {
      if (SEPARATORS.test(v)) return null;
      key += `s${v}\u0000`;
    } else if (typeof v === 'number') key += `n${v}\u0000`;
    else if (v === undefined) key += 'u\u0000';
    else if (v === null) key += 'z\u0000';
    else if (Array.isArray(v)) {
      for (const item of v as unknown[]) {
        if (typeof item !== 'string' || SEPARATORS.test(item)) return null;
        key += `${item}\u0001`;
      }
      key += 'l\u0000';
    } else return null;
  }
  return key;
}

export class RepeatSharer {
  private lists = new Map<string, readonly string[]>();
  private records = new Map<string, object>();

  /** One frozen copy per distinct list of strings. */
  list(values: readonly string[]): readonly string[] {
    if (values.length === 0) return EMPTY;
    // \u0000 cannot occur in ids or sanitised text, so the key is unambiguous.
    const key = values.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    const copy = Object.freeze([...values]);
    this.lists.set(key, copy);
    return copy;
  }

  /**
   * One frozen copy per distinct small record (a programme role, a place). JSON is a complete key:
   * these records hold only strings, numbers, null, and lists and records of those.
   */
  record<T extends object>(value: T): T {
    const key = flatKey(value as Record<string, unknown>) ?? JSON.stringify(value);
    const known = this.records.get(key);
    if (known) return known as T;
    this.records.set(key, deepFreeze(value));
    return value;
  }

  /** The English text, when identical to the Swedish, becomes the same string. */
  text(value: LocalizedText): LocalizedText {
    if (value.en !== undefined && value.en === value.sv) value.en = value.sv;
    return value;
  }
}

/**
 * Shares what the actors from `from` to `to` repeat, with what `share` has already seen: a large
 * dataset is done a slice at a time, so a request can be answered between slices.
 */
export function shareRepeats(
  actors: readonly Actor[],
  share = new RepeatSharer(),
  from = 0,
  to = actors.length,
): void {
  const sourced = <T extends { sources: readonly string[] }>(value: T): T =>
    share.record({ ...value, sources: share.list(value.sources) });
  for (let i = from, end = Math.min(to, actors.length); i < end; i++) {
    const a = actors[i] as Actor;
    a.shortNames = share.list(a.shortNames) as string[];
    a.formerNames = share.list(a.formerNames) as string[];
    a.sectors = share.list(a.sectors) as string[];
    a.facilityTypes = share.list(a.facilityTypes) as string[];
    a.sources = share.list(a.sources) as string[];
    a.description = share.text(a.description);
    a.programmes = a.programmes.map(sourced);
    for (const r of a.relations) r.sources = share.list(r.sources) as string[];
    if (a.location) {
      a.location = share.record({
        ...a.location,
        sources: share.list(a.location.sources) as string[],
        pointSources: share.list(a.location.pointSources) as string[],
      });
    }
  }
}
