/**
 * Actor id → position in the page's columns, found by a scan when asked.
 *
 * Why no Map of every id: at a million actors building one took about a second of the page's
 * thread when the data arrived, while a scan of a million ids takes about 3 ms, and ids are
 * looked up only for the actors someone points at or opens. The last answers are kept, since the
 * same actor is asked for on every render while it is open.
 */
const REMEMBERED = 64;

export interface IdLookup {
  get(id: string): number | undefined;
}

export class IdScan implements IdLookup {
  private readonly recent = new Map<string, number>();

  constructor(private readonly ids: readonly string[]) {}

  get(id: string): number | undefined {
    let position = this.recent.get(id);
    if (position === undefined) {
      position = this.ids.indexOf(id);
      if (this.recent.size >= REMEMBERED) this.recent.clear();
      this.recent.set(id, position);
    }
    return position < 0 ? undefined : position;
  }
}
