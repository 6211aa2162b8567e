/**
 * The data model of Aktörskartan, defined once.
 *
 * The same schemas type the app, validate each record at runtime, drive `npm run data:check`
 * and are exported as JSON Schema for curators (`npm run data:schema` → data/schema/).
 *
 * Two shapes of an actor exist:
 * - the curated record in data/actors/<id>.json, which points at a site in data/sites.json;
 * - the published GeoJSON feature, whose location is resolved and whose geometry is the site's point.
 * Both share every other field through `actorFields`.
 */
import { z } from 'zod';
import { sanitizeText } from '@/domain/text.ts';

// Zod compiles fast parsers with `new Function` unless told not to. The app's Content-Security-
// Policy forbids eval, so it parses without: slower, but nothing is compiled from strings.
z.config({ jitless: true });

// ---------------------------------------------------------------- primitives

/** Lower-case kebab-case: stable in URLs and file names, free of look-alike characters. */
export const Id = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

/** Display text: control and bidi-override characters removed, length capped so no string can swamp the layout. */
export const Text = (max = 300) =>
  z.string().max(max).transform(sanitizeText).pipe(z.string().min(1, 'must not be empty'));

export const LocalizedText = (max = 300) =>
  z.object({
    sv: Text(max),
    en: Text(max).optional(),
  });
export type LocalizedText = z.infer<ReturnType<typeof LocalizedText>>;

/** A year as a whole number; the ecosystem is young, so anything before 1700 is a typo. */
export const Year = z.number().int().min(1700).max(2100);

/** Only http and https: a `javascript:` or `data:` link must never reach an anchor. */
export const WebUrl = z
  .string()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

/** Longitude then latitude, as in GeoJSON. */
export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LonLat = z.infer<typeof LonLat>;

export const Precision = z.enum(['address', 'site', 'municipality']);
export type Precision = z.infer<typeof Precision>;

/** Ids of entries in data/sources.json. An empty list marks a fact as unverified. */
export const SourceIds = z.array(Id).max(50);

/** ISO date, or a year-month, or a bare year, for documents whose day is not known. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

// ---------------------------------------------------------------- vocabularies

const vocabularyEntry = {
  id: Id,
  label: LocalizedText(120),
  description: LocalizedText(600).optional(),
};

export const Shape = z.enum(['circle', 'square', 'diamond', 'triangle', 'hexagon']);
export type Shape = z.infer<typeof Shape>;

export const KindEntry = z.object({
  ...vocabularyEntry,
  /** Marker fill; the data check verifies its contrast against the land colour. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour'),
  /** Second cue beside colour, so that the legend never relies on colour alone. */
  shape: Shape,
});
export type KindEntry = z.infer<typeof KindEntry>;

export const SimpleEntry = z.object(vocabularyEntry);
export type SimpleEntry = z.infer<typeof SimpleEntry>;

export const RelationTypeEntry = z.object({
  ...vocabularyEntry,
  /** How the relation reads from its target's side ("owns" for "owned by"). */
  inverseLabel: LocalizedText(120),
  symmetric: z.boolean().default(false),
  /** A relation whose identity is uncertain is drawn dashed and says so. */
  uncertain: z.boolean().default(false),
});
export type RelationTypeEntry = z.infer<typeof RelationTypeEntry>;

export const MunicipalityEntry = z.object({
  ...vocabularyEntry,
  /** SCB's four-digit municipality code. */
  code: z.string().regex(/^\d{4}$/),
  county: Text(80),
  /** Representative point (the town centre) used for municipality-precision positions. */
  centre: LonLat,
  sources: SourceIds.min(1),
});
export type MunicipalityEntry = z.infer<typeof MunicipalityEntry>;

export const Vocabularies = z.object({
  kinds: z.array(KindEntry).min(1),
  sectors: z.array(SimpleEntry),
  facilityTypes: z.array(SimpleEntry),
  relationTypes: z.array(RelationTypeEntry),
  programmeRoles: z.array(SimpleEntry),
  municipalities: z.array(MunicipalityEntry),
});
export type Vocabularies = z.infer<typeof Vocabularies>;

// ---------------------------------------------------------------- sources, sites, programmes

export const Source = z.object({
  id: Id,
  title: Text(300),
  publisher: Text(200),
  /** Null when the document carries no date: it is shown as undated rather than guessed. */
  date: PartialDate.nullable(),
  type: z.enum(['press-release', 'news', 'web-page', 'report']),
  /** File name of a source document kept beside the project (shared/seeds). */
  document: z.string().max(200).optional(),
  url: WebUrl.optional(),
  /** When a curator read the page; the web changes, so facts carry the day they were seen. */
  consulted: PartialDate.optional(),
});
export type Source = z.infer<typeof Source>;

export const Site = z
  .object({
    id: Id,
    name: Text(200),
    address: Text(200).optional(),
    postalCode: z
      .string()
      .regex(/^\d{3} ?\d{2}$/)
      .optional(),
    municipality: Id,
    precision: Precision,
    /**
     * The point. Left out for municipality precision: the municipality's centre is used, with its
     * sources, so that one verified point serves every actor known only by its municipality.
     */
    coordinates: LonLat.optional(),
    /** Sources for the address and for the actors being at this site. */
    sources: SourceIds,
    /** Sources for the coordinates; empty means the point is unverified. */
    pointSources: SourceIds.default([]),
    note: LocalizedText(600).optional(),
  })
  .superRefine((site, ctx) => {
    if (site.precision !== 'municipality' && !site.coordinates)
      ctx.addIssue({
        code: 'custom',
        path: ['coordinates'],
        message: 'coordinates are required unless the precision is municipality',
      });
  });
export type Site = z.infer<typeof Site>;

export const Period = z.object({
  /** Null: the start is not known. Shown as such, never guessed. */
  start: Year.nullable(),
  /** Null: still running, or the end is not known (see `ongoing`). */
  end: Year.nullable(),
  ongoing: z.boolean().default(false),
});
export type Period = z.infer<typeof Period>;

export const Programme = z.object({
  id: Id,
  name: Text(200),
  shortNames: z.array(Text(80)).max(10).default([]),
  type: z.enum(['programme', 'project', 'network', 'event', 'award']),
  description: LocalizedText(2000),
  period: Period,
  sectors: z.array(Id).max(20).default([]),
  website: WebUrl.optional(),
  sources: SourceIds.min(1, 'a programme needs at least one source'),
});
export type Programme = z.infer<typeof Programme>;

// ---------------------------------------------------------------- actors

/** "inferred" marks a link the curators read into a vague source; the UI says so. */
export const Certainty = z.enum(['stated', 'inferred']);

export const ProgrammeRole = z.object({
  programme: Id,
  role: Id,
  certainty: Certainty.default('stated'),
  from: Year.optional(),
  to: Year.optional(),
  note: LocalizedText(400).optional(),
  sources: SourceIds,
});
export type ProgrammeRole = z.infer<typeof ProgrammeRole>;

export const Relation = z.object({
  type: Id,
  target: Id,
  certainty: Certainty.default('stated'),
  /** An intermediary, as in "funded by the ERDF via Tillväxtverket". */
  via: Id.optional(),
  from: Year.optional(),
  to: Year.optional(),
  note: LocalizedText(400).optional(),
  sources: SourceIds,
});
export type Relation = z.infer<typeof Relation>;

/** A fact from outside the actor's own sources carries its sources; none means unverified. */
const SourcedYear = z.object({ year: Year, sources: SourceIds });
const SourcedUrl = z.object({ url: WebUrl, sources: SourceIds });

const actorFields = {
  id: Id,
  name: Text(200),
  shortNames: z.array(Text(80)).max(20).default([]),
  formerNames: z.array(Text(200)).max(20).default([]),
  kind: Id,
  sectors: z.array(Id).max(20).default([]),
  facilityTypes: z.array(Id).max(20).default([]),
  description: LocalizedText(2000),
  website: SourcedUrl.optional(),
  founded: SourcedYear.optional(),
  /** Set when the actor has closed or been wound up; `year` may be unknown. */
  closed: z.object({ year: Year.nullable(), sources: SourceIds }).optional(),
  programmes: z.array(ProgrammeRole).max(200).default([]),
  relations: z.array(Relation).max(500).default([]),
  sources: SourceIds.min(1, 'every actor needs at least one source'),
  /** The day a curator last checked the entry against its sources. */
  lastVerified: PartialDate,
  note: LocalizedText(1000).optional(),
};

/** A record in data/actors/<id>.json. `site: null` means the actor has no place of its own. */
export const CuratedActor = z.object({ ...actorFields, site: Id.nullable() });
export type CuratedActor = z.infer<typeof CuratedActor>;

export const ResolvedLocation = z.object({
  site: Id.optional(),
  siteName: Text(200).optional(),
  address: Text(200).optional(),
  postalCode: z.string().max(10).optional(),
  municipality: Id,
  precision: Precision,
  sources: SourceIds,
  pointSources: SourceIds.default([]),
  note: LocalizedText(600).optional(),
});
export type ResolvedLocation = z.infer<typeof ResolvedLocation>;

export const ActorProperties = z.object({ ...actorFields, location: ResolvedLocation.nullable() });
export type ActorProperties = z.infer<typeof ActorProperties>;

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: LonLat });

/**
 * One published actor. A feature with a location has a point; an actor without a place of its
 * own (a fund, a national network) has `geometry: null`, which GeoJSON allows.
 */
export const ActorFeature = z
  .object({
    type: z.literal('Feature'),
    id: Id,
    geometry: PointGeometry.nullable(),
    properties: ActorProperties,
  })
  .superRefine((feature, ctx) => {
    if (feature.id !== feature.properties.id) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'must equal properties.id' });
    }
    if ((feature.geometry === null) !== (feature.properties.location === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['geometry'],
        message: 'a feature has a point exactly when it has a location',
      });
    }
  });
export type ActorFeature = z.infer<typeof ActorFeature>;

export const DatasetMetadata = z.object({
  title: Text(200),
  version: Text(40),
  /** The day the most recently verified entry was checked: the data is as of this day. */
  updated: PartialDate,
  licence: Text(200),
  citation: Text(400),
});
export type DatasetMetadata = z.infer<typeof DatasetMetadata>;

/**
 * The published file: a GeoJSON FeatureCollection whose foreign members carry what the features
 * refer to. Features are validated one by one (see parse-dataset.ts), so one bad record cannot
 * sink the rest.
 */
export const DatasetEnvelope = z.object({
  type: z.literal('FeatureCollection'),
  metadata: DatasetMetadata,
  vocabularies: Vocabularies,
  programmes: z.array(z.unknown()),
  sources: z.array(z.unknown()),
  features: z.array(z.unknown()),
});
export type DatasetEnvelope = z.infer<typeof DatasetEnvelope>;
