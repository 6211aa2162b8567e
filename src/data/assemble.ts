/**
 * Assembles the curated files into the published GeoJSON FeatureCollection. Pure: the script that
 * reads data/ and writes public/data/ is a thin shell around it, and tests call it directly.
 */
import type {
  CuratedActor,
  DatasetMetadata,
  Programme,
  Site,
  Source,
  Vocabularies,
} from './schema.ts';

export interface CuratedInputs {
  metadata: Omit<DatasetMetadata, 'updated'>;
  vocabularies: Vocabularies;
  sources: Source[];
  sites: Site[];
  programmes: Programme[];
  actors: CuratedActor[];
}

export interface PublishedFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

export interface PublishedDataset {
  type: 'FeatureCollection';
  metadata: DatasetMetadata;
  vocabularies: Vocabularies;
  programmes: Programme[];
  sources: Source[];
  features: PublishedFeature[];
}

/** Actors whose site is unknown are published without a place; data:check reports them. */
export function assembleDataset(inputs: CuratedInputs): PublishedDataset {
  const sites = new Map(inputs.sites.map((s) => [s.id, s]));
  const municipalities = new Map(inputs.vocabularies.municipalities.map((m) => [m.id, m]));
  /** Municipality-precision sites take the municipality's centre and its sources. */
  const pointOf = (site: Site) => {
    if (site.coordinates) return { coordinates: site.coordinates, pointSources: site.pointSources };
    const m = municipalities.get(site.municipality);
    return m ? { coordinates: m.centre, pointSources: m.sources } : null;
  };
  const updated = inputs.actors.reduce(
    (max, a) => (a.lastVerified > max ? a.lastVerified : max),
    '0000',
  );
  const features = [...inputs.actors]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((actor): PublishedFeature => {
      const { site: siteId, ...rest } = actor;
      const site = siteId === null ? undefined : sites.get(siteId);
      const point = site ? pointOf(site) : null;
      return {
        type: 'Feature',
        id: actor.id,
        geometry: point
          ? { type: 'Point', coordinates: [point.coordinates[0], point.coordinates[1]] }
          : null,
        properties: {
          ...rest,
          location:
            site && point
              ? {
                  site: site.id,
                  siteName: site.name,
                  address: site.address,
                  postalCode: site.postalCode,
                  municipality: site.municipality,
                  precision: site.precision,
                  sources: site.sources,
                  pointSources: point.pointSources,
                  note: site.note,
                }
              : null,
        },
      };
    });
  return {
    type: 'FeatureCollection',
    metadata: { ...inputs.metadata, updated },
    vocabularies: inputs.vocabularies,
    programmes: inputs.programmes,
    sources: inputs.sources,
    features,
  };
}
