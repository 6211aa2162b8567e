/**
 * Places: actors grouped by identical coordinates. Several actors in one building, or placed at
 * one municipality centre, become one place on the map with its occupants listed, instead of
 * markers hidden under each other.
 */
import type { Actor } from '@/data/dataset.ts';
import type { LonLat, Precision } from '@/data/schema.ts';

export interface Place {
  /** Stable id from the rounded coordinates. */
  id: string;
  coordinates: LonLat;
  actorIds: string[];
  /** The coarsest precision among the occupants: what the point can honestly claim. */
  precision: Precision;
  /** The occupants' kind when they share one, else null. */
  kind: string | null;
}

const RANK: Record<Precision, number> = { address: 0, site: 1, municipality: 2 };

export const placeKey = ([lon, lat]: LonLat): string => `${lon.toFixed(5)},${lat.toFixed(5)}`;

export function groupPlaces(actors: readonly Actor[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const actor of actors) {
    if (!actor.coordinates || !actor.location) continue;
    const id = placeKey(actor.coordinates);
    const place = byKey.get(id);
    if (!place) {
      byKey.set(id, {
        id,
        coordinates: actor.coordinates,
        actorIds: [actor.id],
        precision: actor.location.precision,
        kind: actor.kind,
      });
      continue;
    }
    place.actorIds.push(actor.id);
    if (RANK[actor.location.precision] > RANK[place.precision])
      place.precision = actor.location.precision;
    if (place.kind !== actor.kind) place.kind = null;
  }
  return [...byKey.values()];
}

export interface PlaceFeatureProperties {
  placeId: string;
  count: number;
  /** Image id: the kind's marker for one occupant, the stack marker for several. */
  icon: string;
  label: string;
}

export interface PlaceFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id?: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: PlaceFeatureProperties;
  }[];
}

export const COLOCATED_ICON = 'colocated';
export const kindIcon = (kind: string): string => `kind:${kind}`;

export function placesToGeoJSON(
  places: readonly Place[],
  actorById: ReadonlyMap<string, Actor>,
): PlaceFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((p) => {
      const first = actorById.get(p.actorIds[0] ?? '');
      const single = p.actorIds.length === 1 && first;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.coordinates[0], p.coordinates[1]] },
        properties: {
          placeId: p.id,
          count: p.actorIds.length,
          icon: single ? kindIcon(first.kind) : COLOCATED_ICON,
          label: single ? first.name : '',
        },
      };
    }),
  };
}
