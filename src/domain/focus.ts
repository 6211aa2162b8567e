/**
 * What the map brings forward when an actor or a programme is open: the actor (or the
 * programme's owner) at the centre, the actors tied to it, and the ties themselves. Actors
 * without a place of their own have no marker and no line; the panel lists them.
 */
import type { Actor, Dataset } from '@/data/dataset.ts';
import type { LonLat } from '@/data/schema.ts';
import { relationStyle, roleStyle, type LinkStyle } from './link-styles.ts';
import type { ProgrammeMember, RelationIndex } from './relations.ts';
import { programmeActivity, spanActivity } from './time.ts';

export interface FocusActor {
  id: string;
  name: string;
  kind: string;
  coordinates: LonLat;
}

export interface FocusLink {
  /** The related or member actor. */
  to: string;
  style: LinkStyle;
  uncertain: boolean;
  /** Not in force in the chosen year. */
  inactive: boolean;
}

export interface FocusModel {
  /** The selected actor, or the programme's owner; null for a programme without a placed owner. */
  centre: FocusActor | null;
  /** Tied actors that have a place, once each. */
  others: FocusActor[];
  links: FocusLink[];
}

const placed = (a: Actor | undefined): FocusActor | null =>
  a?.coordinates ? { id: a.id, name: a.name, kind: a.kind, coordinates: a.coordinates } : null;

export function actorFocus(
  actor: Actor,
  dataset: Dataset,
  relations: RelationIndex,
  year: number | null,
): FocusModel {
  const others = new Map<string, FocusActor>();
  const links: FocusLink[] = [];
  for (const r of relations.get(actor.id) ?? []) {
    const other = placed(dataset.actorById.get(r.otherId));
    if (!other) continue;
    others.set(other.id, other);
    links.push({
      to: other.id,
      style: relationStyle(r.type),
      uncertain:
        r.certainty === 'inferred' || dataset.vocab.relationTypes.get(r.type)?.uncertain === true,
      inactive: year !== null && spanActivity(r, year) === 'inactive',
    });
  }
  return { centre: placed(actor), others: [...others.values()], links };
}

export function programmeFocus(
  programmeId: string,
  dataset: Dataset,
  members: readonly ProgrammeMember[],
  year: number | null,
): FocusModel {
  const programme = dataset.programmeById.get(programmeId);
  const programmeInactive =
    year !== null &&
    programme !== undefined &&
    programmeActivity(programme.period, year) === 'inactive';
  const owner = members.find((m) => m.role === 'owner');
  const centre = placed(owner && dataset.actorById.get(owner.actorId));
  const others = new Map<string, FocusActor>();
  const links: FocusLink[] = [];
  for (const m of members) {
    if (centre && m.actorId === centre.id) continue;
    const other = placed(dataset.actorById.get(m.actorId));
    if (!other) continue;
    others.set(other.id, other);
    links.push({
      to: other.id,
      style: roleStyle(m.role),
      uncertain: m.certainty === 'inferred',
      inactive: programmeInactive || (year !== null && spanActivity(m, year) === 'inactive'),
    });
  }
  // Without a placed owner there is no centre to draw lines from; members are still highlighted.
  return { centre, others: [...others.values()], links: centre ? links : [] };
}
