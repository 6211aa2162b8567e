/**
 * The in-memory dataset the app works on: valid records only, with lookups built once.
 */
import type {
  ActorProperties,
  DatasetMetadata,
  KindEntry,
  LonLat,
  MunicipalityEntry,
  Programme,
  RelationTypeEntry,
  SimpleEntry,
  Source,
  Vocabularies,
} from './schema.ts';
import type { Problem } from './problems.ts';

export interface Actor extends ActorProperties {
  /** The point drawn on the map; null for an actor without a place of its own. */
  coordinates: LonLat | null;
}

export interface VocabularyIndex {
  kinds: ReadonlyMap<string, KindEntry>;
  sectors: ReadonlyMap<string, SimpleEntry>;
  facilityTypes: ReadonlyMap<string, SimpleEntry>;
  relationTypes: ReadonlyMap<string, RelationTypeEntry>;
  programmeRoles: ReadonlyMap<string, SimpleEntry>;
  municipalities: ReadonlyMap<string, MunicipalityEntry>;
}

export interface Dataset {
  metadata: DatasetMetadata;
  vocabularies: Vocabularies;
  vocab: VocabularyIndex;
  programmes: readonly Programme[];
  programmeById: ReadonlyMap<string, Programme>;
  sources: readonly Source[];
  sourceById: ReadonlyMap<string, Source>;
  actors: readonly Actor[];
  actorById: ReadonlyMap<string, Actor>;
  /** Number of features in the file, valid or not. */
  recordCount: number;
  problems: readonly Problem[];
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}

export function indexVocabularies(v: Vocabularies): VocabularyIndex {
  return {
    kinds: byId(v.kinds),
    sectors: byId(v.sectors),
    facilityTypes: byId(v.facilityTypes),
    relationTypes: byId(v.relationTypes),
    programmeRoles: byId(v.programmeRoles),
    municipalities: byId(v.municipalities),
  };
}
