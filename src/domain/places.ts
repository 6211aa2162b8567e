/**
 * Places: actors grouped by identical coordinates. Several actors in one building, or placed at
 * one municipality centre, become one place on the map with its occupants listed, instead of
 * markers hidden under each other. Works on actor indices and coordinate columns, so it costs
 * the same for 30 actors or 100,000.
 */
import type { LonLat } from '@/data/schema.ts';

export interface Place {
  /** Stable id from the rounded coordinates. */
  id: string;
  coordinates: LonLat;
  /** Actor indices. */
  members: number[];
}

export interface PlaceColumns {
  ids: readonly string[];
  names: readonly string[];
  kinds: readonly string[];
  lon: Float64Array;
  lat: Float64Array;
}

export const placeKey = ([lon, lat]: LonLat): string => `${lon.toFixed(5)},${lat.toFixed(5)}`;

/** Places of the given actors (in their order); actors without a point are left out. */
export function groupPlaces(
  order: ArrayLike<number>,
  columns: Pick<PlaceColumns, 'lon' | 'lat'>,
): Place[] {
  const byKey = new Map<string, Place>();
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const lon = columns.lon[i]!;
    const lat = columns.lat[i]!;
    if (Number.isNaN(lon)) continue;
    const id = placeKey([lon, lat]);
    const place = byKey.get(id);
    if (place) place.members.push(i);
    else byKey.set(id, { id, coordinates: [lon, lat], members: [i] });
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
  columns: Pick<PlaceColumns, 'names' | 'kinds'>,
): PlaceFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((p) => {
      const first = p.members[0] ?? 0;
      const single = p.members.length === 1;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.coordinates[0], p.coordinates[1]] },
        properties: {
          placeId: p.id,
          count: p.members.length,
          icon: single ? kindIcon(columns.kinds[first] ?? '') : COLOCATED_ICON,
          label: single ? (columns.names[first] ?? '') : '',
        },
      };
    }),
  };
}
