/**
 * The relation graph, read from both ends: a relation is stored once, on the actor that declares
 * it ("SSP owned-by Scania"), and shown on both ("Scania owns SSP"). Cycles are harmless: nothing
 * here walks the graph beyond one step.
 */
import type { Actor } from '@/data/dataset.ts';
import type { LocalizedText, Relation } from '@/data/schema.ts';

export interface RelationView {
  type: string;
  /** "out": declared by this actor; "in": declared by the other one. */
  direction: 'out' | 'in';
  otherId: string;
  via?: string;
  certainty: Relation['certainty'];
  from?: number;
  to?: number;
  note?: LocalizedText;
  sources: readonly string[];
}

export type RelationIndex = ReadonlyMap<string, readonly RelationView[]>;

export function buildRelationIndex(actors: readonly Actor[]): RelationIndex {
  const index = new Map<string, RelationView[]>();
  const push = (id: string, view: RelationView) => {
    const list = index.get(id);
    if (list) list.push(view);
    else index.set(id, [view]);
  };
  for (const actor of actors) {
    for (const r of actor.relations) {
      const base = {
        type: r.type,
        via: r.via,
        certainty: r.certainty,
        from: r.from,
        to: r.to,
        note: r.note,
        sources: r.sources,
      };
      push(actor.id, { ...base, direction: 'out', otherId: r.target });
      push(r.target, { ...base, direction: 'in', otherId: actor.id });
    }
  }
  return index;
}

/** Groups an actor's relations by type and direction, in a stable order for display. */
export function groupRelations(
  views: readonly RelationView[],
): { key: string; type: string; direction: 'out' | 'in'; items: RelationView[] }[] {
  const groups = new Map<
    string,
    { key: string; type: string; direction: 'out' | 'in'; items: RelationView[] }
  >();
  for (const v of views) {
    const key = `${v.type}:${v.direction}`;
    const g = groups.get(key) ?? { key, type: v.type, direction: v.direction, items: [] };
    g.items.push(v);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export interface ProgrammeMember {
  actorId: string;
  role: string;
  certainty: Relation['certainty'];
  from?: number;
  to?: number;
  note?: LocalizedText;
}

export function buildProgrammeIndex(
  actors: readonly Actor[],
): ReadonlyMap<string, readonly ProgrammeMember[]> {
  const index = new Map<string, ProgrammeMember[]>();
  for (const actor of actors) {
    for (const p of actor.programmes) {
      const member = {
        actorId: actor.id,
        role: p.role,
        certainty: p.certainty,
        from: p.from,
        to: p.to,
        note: p.note,
      };
      const list = index.get(p.programme);
      if (list) list.push(member);
      else index.set(p.programme, [member]);
    }
  }
  return index;
}
