/**
 * Checks that only make sense for the curated files in data/: file names, sites, coordinates that
 * must lie in Sweden, facts without sources, missing translations, marker contrast. The checks that
 * the app also runs (schema, references) live in parse-dataset.ts and check-references.ts.
 */
import { contrastRatio } from '@/domain/contrast.ts';
import { MIN_GRAPHIC_CONTRAST, PALETTE } from '@/domain/palette.ts';
import { SWEDEN_BBOX, inBBox } from '@/domain/region.ts';
import type { CuratedInputs } from './assemble.ts';
import type { Problem } from './problems.ts';
import type { LonLat } from './schema.ts';

export interface CuratedFiles {
  /** Actor id → file it was read from, for messages and the file-name rule. */
  actorFiles: ReadonlyMap<string, string>;
  sitesFile: string;
  municipalitiesFile: string;
  programmesFile: string;
  kindsFile: string;
}

/** Outside Sweden is an error; if swapping the pair puts it inside, the message says so. */
export function coordinateProblem(
  [lon, lat]: LonLat,
  where: Pick<Problem, 'file' | 'recordId' | 'field'>,
): Problem | null {
  if (inBBox(SWEDEN_BBOX, lon, lat)) return null;
  const swapped = inBBox(SWEDEN_BBOX, lat, lon);
  return {
    ...where,
    severity: 'error',
    code: swapped ? 'coordinates-swapped' : 'coordinates-outside-sweden',
    message: swapped
      ? `[${lon}, ${lat}] lies outside Sweden but [${lat}, ${lon}] inside: longitude and latitude are probably swapped (GeoJSON order is [lon, lat])`
      : `[${lon}, ${lat}] lies outside Sweden`,
    params: { lon, lat },
    effect: 'none',
  };
}

function duplicateIds(ids: readonly string[], file: string, what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const id of ids) {
    if (seen.has(id))
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        message: `duplicate ${what} id "${id}"`,
        file,
        recordId: id,
        field: 'id',
        effect: 'record-excluded',
      });
    seen.add(id);
  }
  return problems;
}

export function checkCurated(inputs: CuratedInputs, files: CuratedFiles): Problem[] {
  const problems: Problem[] = [];
  const { vocabularies: v } = inputs;
  const municipalityIds = new Set(v.municipalities.map((m) => m.id));
  const siteIds = new Set(inputs.sites.map((s) => s.id));

  problems.push(
    ...duplicateIds(
      inputs.sites.map((s) => s.id),
      files.sitesFile,
      'site',
    ),
    ...duplicateIds(
      v.kinds.map((k) => k.id),
      files.kindsFile,
      'kind',
    ),
    ...duplicateIds(
      v.municipalities.map((m) => m.id),
      files.municipalitiesFile,
      'municipality',
    ),
  );

  for (const kind of v.kinds) {
    const ratio = contrastRatio(kind.color, PALETTE.land);
    if (ratio < MIN_GRAPHIC_CONTRAST)
      problems.push({
        severity: 'error',
        code: 'low-contrast',
        message: `marker colour ${kind.color} has contrast ${ratio.toFixed(2)}:1 against the land colour ${PALETTE.land}; at least ${MIN_GRAPHIC_CONTRAST}:1 is needed`,
        file: files.kindsFile,
        recordId: kind.id,
        field: 'color',
        effect: 'none',
      });
  }

  for (const m of v.municipalities) {
    const p = coordinateProblem(m.centre, {
      file: files.municipalitiesFile,
      recordId: m.id,
      field: 'centre',
    });
    if (p) problems.push(p);
  }

  for (const site of inputs.sites) {
    const where = { file: files.sitesFile, recordId: site.id };
    const p =
      site.coordinates && coordinateProblem(site.coordinates, { ...where, field: 'coordinates' });
    if (p) problems.push(p);
    if (!municipalityIds.has(site.municipality))
      problems.push({
        ...where,
        severity: 'error',
        code: 'unknown-reference',
        message: `unknown municipality "${site.municipality}"`,
        field: 'municipality',
        effect: 'none',
      });
    if (site.address && site.sources.length === 0)
      problems.push({
        ...where,
        severity: 'warning',
        code: 'unverified-fact',
        message: 'the address has no source and is shown as unverified',
        field: 'sources',
        effect: 'none',
      });
    if (site.coordinates && site.pointSources.length === 0)
      problems.push({
        ...where,
        severity: 'warning',
        code: 'unverified-fact',
        message: 'the point has no source and is shown as unverified',
        field: 'pointSources',
        effect: 'none',
      });
  }

  for (const actor of inputs.actors) {
    const file = files.actorFiles.get(actor.id);
    const where = { file, recordId: actor.id };
    if (file && !file.endsWith(`/${actor.id}.json`))
      problems.push({
        ...where,
        severity: 'error',
        code: 'file-name',
        message: `the file should be named ${actor.id}.json after the actor's id`,
        field: 'id',
        effect: 'none',
      });
    if (actor.site !== null && !siteIds.has(actor.site))
      problems.push({
        ...where,
        severity: 'error',
        code: 'unknown-reference',
        message: `unknown site "${actor.site}" (the actor would have no place)`,
        field: 'site',
        params: { what: 'site', value: actor.site },
        effect: 'none',
      });
    if (!actor.description.en)
      problems.push({
        ...where,
        severity: 'warning',
        code: 'missing-translation',
        message: 'no English description: the Swedish one is shown with a language mark',
        field: 'description.en',
        effect: 'none',
      });
    const unverified = (field: string) =>
      problems.push({
        ...where,
        severity: 'warning',
        code: 'unverified-fact',
        message: 'no source: shown as unverified',
        field,
        effect: 'none',
      });
    if (actor.website && actor.website.sources.length === 0) unverified('website.sources');
    if (actor.founded && actor.founded.sources.length === 0) unverified('founded.sources');
    actor.relations.forEach(
      (r, i) => r.sources.length === 0 && unverified(`relations.${i}.sources`),
    );
    actor.programmes.forEach(
      (r, i) => r.sources.length === 0 && unverified(`programmes.${i}.sources`),
    );
  }
  return problems;
}
