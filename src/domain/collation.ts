/**
 * Swedish collation: å, ä and ö sort after z, as Swedish readers expect. One shared collator,
 * because constructing Intl.Collator is far slower than comparing with it.
 */
const collators = new Map<string, Intl.Collator>();

export function collator(locale = 'sv'): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c;
}

export function sortByName<T extends { name: string }>(items: readonly T[], locale = 'sv'): T[] {
  const c = collator(locale);
  return [...items].sort((a, b) => c.compare(a.name, b.name));
}

/**
 * A sort key that orders like Swedish collation under plain string comparison: case and accents
 * fold away except å, ä and ö, which go after z (as do æ and ø, which Swedish sorts with ä and ö),
 * and ü sorts as y. Sorting 100,000 names by key is several times faster than with a Collator.
 */
const AFTER_Z: Record<string, string> = { å: '{', ä: '|', æ: '|', ö: '}', ø: '}' };

export function swedishSortKey(name: string): string {
  const lower = name.toLowerCase();
  // Most names are plain ASCII: nothing to map.
  if (!NON_ASCII.test(lower)) return lower;
  let key = '';
  for (const ch of lower) {
    if (ch.charCodeAt(0) < 128) {
      key += ch;
      continue;
    }
    const after = AFTER_Z[ch];
    if (after) key += after;
    else if (ch === 'ü') key += 'y';
    else key += ch.normalize('NFD').charAt(0);
  }
  return key;
}

// Anything outside printable ASCII needs the slow path.
const NON_ASCII = /[^ -~]/;
