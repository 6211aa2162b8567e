/**
 * Actors as a GeoJSON FeatureCollection (RFC 7946), for QGIS, geojson.io and other map tools.
 *
 * Properties are a flat, readable subset of each record, with labels in the chosen language beside
 * the ids that stay stable across languages and versions. Every feature has every property (null
 * when unknown), because GIS tools build their attribute table from the first feature they read.
 * An actor without a place of its own keeps its row with `geometry: null`, which RFC 7946 allows.
 *
 * The provenance travels inside the file, as the foreign member `metadata` on the collection: the
 * same place the published dataset keeps it, so the export reads like a slice of that file.
 *
 * Text is not formula-neutralised here: JSON is not a spreadsheet, and an apostrophe would corrupt
 * the data. JSON.stringify escapes quotes and line breaks; "<" is escaped too, as \u003c, so the
 * file stays inert even if someone pastes it into an HTML page.
 */
import type { Actor } from '@/data/dataset.ts';
import type { Precision } from '@/data/schema.ts';
import {
  buildProvenance,
  describeProvenance,
  exportFileName,
  localized,
  roundCoordinate,
  sourceTitles,
  vocabularyLabel,
  type ExportFile,
  type ExportProvenance,
  type ExportRequest,
} from './provenance.ts';

export const GEOJSON_MIME_TYPE = 'application/geo+json';

export interface ExportFeatureProperties {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  sectors: string[];
  facilityTypes: string[];
  programmes: { programme: string; name: string; role: string; roleLabel: string }[];
  municipality: string | null;
  municipalityLabel: string | null;
  siteName: string | null;
  address: string | null;
  postalCode: string | null;
  precision: Precision | null;
  description: string;
  website: string | null;
  founded: number | null;
  lastVerified: string;
  sources: string[];
  /** The actor's profile in the app. */
  url: string;
}

export interface ExportFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: ExportFeatureProperties;
}

export interface ExportFeatureCollection {
  type: 'FeatureCollection';
  metadata: ExportProvenance;
  features: ExportFeature[];
}

function actorFeature(actor: Actor, request: ExportRequest): ExportFeature {
  const { lookups, lang } = request;
  const { vocab } = lookups;
  const location = actor.location;
  return {
    type: 'Feature',
    id: actor.id,
    geometry: actor.coordinates
      ? {
          type: 'Point',
          coordinates: [
            roundCoordinate(actor.coordinates[0]),
            roundCoordinate(actor.coordinates[1]),
          ],
        }
      : null,
    properties: {
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      kindLabel: vocabularyLabel(vocab.kinds, actor.kind, lang),
      sectors: actor.sectors.map((id) => vocabularyLabel(vocab.sectors, id, lang)),
      facilityTypes: actor.facilityTypes.map((id) =>
        vocabularyLabel(vocab.facilityTypes, id, lang),
      ),
      programmes: actor.programmes.map((p) => ({
        programme: p.programme,
        name: lookups.programmeById.get(p.programme)?.name ?? p.programme,
        role: p.role,
        roleLabel: vocabularyLabel(vocab.programmeRoles, p.role, lang),
      })),
      municipality: location?.municipality ?? null,
      municipalityLabel: location
        ? vocabularyLabel(vocab.municipalities, location.municipality, lang)
        : null,
      siteName: location?.siteName ?? null,
      address: location?.address ?? null,
      postalCode: location?.postalCode ?? null,
      precision: location?.precision ?? null,
      description: localized(actor.description, lang),
      website: actor.website?.url ?? null,
      founded: actor.founded?.year ?? null,
      lastVerified: actor.lastVerified,
      sources: sourceTitles(actor.sources, lookups),
      url: request.profileUrl(actor.id),
    },
  };
}

/** The actors as a FeatureCollection object, before serialisation. */
export function actorsToFeatureCollection(request: ExportRequest): ExportFeatureCollection {
  return {
    type: 'FeatureCollection',
    metadata: buildProvenance(request),
    features: request.actors.map((actor) => actorFeature(actor, request)),
  };
}

/** The actors as a GeoJSON file, with its name and provenance. */
export function actorsToGeoJson(request: ExportRequest): ExportFile {
  const collection = actorsToFeatureCollection(request);
  // Compact: the file is for tools, and a large export stays a fraction of the indented size.
  const text = JSON.stringify(collection).replace(/</g, '\\u003c');
  return {
    fileName: exportFileName(request, 'geojson'),
    mimeType: GEOJSON_MIME_TYPE,
    text,
    provenance: collection.metadata,
    provenanceLines: describeProvenance(collection.metadata),
  };
}
