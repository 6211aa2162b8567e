/**
 * Cross-record checks: every id a record mentions must exist. Runs in the app on every load and
 * in `npm run data:check`. It repairs as it reports: a dangling reference is dropped from the
 * record (and said so), a record is left out only when it cannot be shown at all.
 */
import type { Actor, VocabularyIndex } from './dataset.ts';
import type { Problem } from './problems.ts';
import type { Programme, ProgrammeRole, Relation, Source } from './schema.ts';

export interface ReferenceInput {
  actors: readonly Actor[];
  programmes: readonly Programme[];
  sources: readonly Source[];
  vocab: VocabularyIndex;
}

export interface ReferenceResult {
  actors: Actor[];
  programmes: Programme[];
  sources: Source[];
  problems: Problem[];
}

function dedupe<T extends { id: string }>(
  items: readonly T[],
  what: string,
  problems: Problem[],
): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) {
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        message: `duplicate ${what} id "${item.id}": only the first is kept`,
        recordId: item.id,
        field: 'id',
        params: { what },
        effect: 'record-excluded',
      });
      continue;
    }
    seen.add(item.id);
    kept.push(item);
  }
  return kept;
}

export function checkReferences(input: ReferenceInput): ReferenceResult {
  const problems: Problem[] = [];
  const sources = dedupe(input.sources, 'source', problems);
  const sourceIds = new Set(sources.map((s) => s.id));
  const { vocab } = input;

  const unknown = (
    recordId: string,
    field: string,
    value: string,
    what: string,
    effect: Problem['effect'],
  ) =>
    problems.push({
      severity: 'error',
      code: 'unknown-reference',
      message: `unknown ${what} "${value}"${effect === 'value-dropped' ? ' (left out)' : ''}`,
      recordId,
      field,
      params: { what, value },
      effect,
    });

  const knownSources = (recordId: string, field: string, ids: readonly string[]) =>
    keep(ids, (id) => {
      if (sourceIds.has(id)) return true;
      unknown(recordId, field, id, 'source', 'value-dropped');
      return false;
    });
  /** The object itself when its sources are all known, else a copy with the known ones. */
  const withKnownSources = <T extends { sources: string[] }>(
    recordId: string,
    field: string,
    value: T,
  ): T => {
    const sources = knownSources(recordId, field, value.sources);
    return sources === value.sources ? value : { ...value, sources };
  };

  const programmes = dedupe(input.programmes, 'programme', problems).map((p) => {
    const sectors = keep(p.sectors, (s) => {
      if (vocab.sectors.has(s)) return true;
      unknown(p.id, 'sectors', s, 'sector', 'value-dropped');
      return false;
    });
    const sources = knownSources(p.id, 'sources', p.sources);
    return sectors === p.sectors && sources === p.sources ? p : { ...p, sectors, sources };
  });
  const programmeIds = new Set(programmes.map((p) => p.id));

  const candidates = dedupe(input.actors, 'actor', problems).filter((a) => {
    if (vocab.kinds.has(a.kind)) return true;
    unknown(a.id, 'kind', a.kind, 'actor kind', 'record-excluded');
    return false;
  });
  const actorIds = new Set(candidates.map((a) => a.id));

  // Most records are clean: they pass through as they are, and only a record with something to
  // drop is copied. At 100,000 actors this saves a second of allocation and garbage collection.
  const actors = candidates.map((a): Actor => {
    const sectors = keep(a.sectors, (s) => {
      if (vocab.sectors.has(s)) return true;
      unknown(a.id, 'sectors', s, 'sector', 'value-dropped');
      return false;
    });
    const facilityTypes = keep(a.facilityTypes, (f) => {
      if (vocab.facilityTypes.has(f)) return true;
      unknown(a.id, 'facilityTypes', f, 'facility type', 'value-dropped');
      return false;
    });
    if (a.location && !vocab.municipalities.has(a.location.municipality)) {
      unknown(a.id, 'location.municipality', a.location.municipality, 'municipality', 'none');
    }

    const programmeRoles = keepMapped(a.programmes, (role, i): ProgrammeRole | null => {
      const field = `programmes.${i}`;
      if (!programmeIds.has(role.programme)) {
        unknown(a.id, `${field}.programme`, role.programme, 'programme', 'value-dropped');
        return null;
      }
      if (!vocab.programmeRoles.has(role.role)) {
        unknown(a.id, `${field}.role`, role.role, 'programme role', 'value-dropped');
        return null;
      }
      return withKnownSources(a.id, `${field}.sources`, role);
    });

    const relations = keepMapped(a.relations, (rel, i): Relation | null => {
      const field = `relations.${i}`;
      if (!vocab.relationTypes.has(rel.type)) {
        unknown(a.id, `${field}.type`, rel.type, 'relation type', 'value-dropped');
        return null;
      }
      if (!actorIds.has(rel.target)) {
        unknown(a.id, `${field}.target`, rel.target, 'actor', 'value-dropped');
        return null;
      }
      if (rel.target === a.id) {
        problems.push({
          severity: 'warning',
          code: 'self-relation',
          message: 'relation to itself (left out)',
          recordId: a.id,
          field: `${field}.target`,
          effect: 'value-dropped',
        });
        return null;
      }
      let checked = rel;
      if (rel.via !== undefined && !actorIds.has(rel.via)) {
        unknown(a.id, `${field}.via`, rel.via, 'actor', 'value-dropped');
        const { via: _dropped, ...rest } = rel;
        checked = rest;
      }
      return withKnownSources(a.id, `${field}.sources`, checked);
    });

    const actorSources = knownSources(a.id, 'sources', a.sources);
    if (actorSources.length === 0) {
      problems.push({
        severity: 'error',
        code: 'missing-source',
        message: 'the actor has no known source',
        recordId: a.id,
        field: 'sources',
        effect: 'none',
      });
    }
    const website = a.website && withKnownSources(a.id, 'website.sources', a.website);
    const founded = a.founded && withKnownSources(a.id, 'founded.sources', a.founded);
    const closed = a.closed && withKnownSources(a.id, 'closed.sources', a.closed);
    const location = a.location && withKnownSources(a.id, 'location.sources', a.location);

    const unchanged =
      sectors === a.sectors &&
      facilityTypes === a.facilityTypes &&
      programmeRoles === a.programmes &&
      relations === a.relations &&
      actorSources === a.sources &&
      website === a.website &&
      founded === a.founded &&
      closed === a.closed &&
      location === a.location;
    return unchanged
      ? a
      : {
          ...a,
          sectors,
          facilityTypes,
          programmes: programmeRoles,
          relations,
          sources: actorSources,
          website,
          founded,
          closed,
          location,
        };
  });

  return { actors, programmes, sources, problems };
}

/** The list itself when every item passes, else a copy of the passing ones. `ok` runs once per item. */
function keep<T>(list: readonly T[], ok: (item: T) => boolean): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (ok(item)) out?.push(item);
    else out ??= list.slice(0, i);
  }
  return out ?? (list as T[]);
}

/**
 * As `keep`, for items that may also be replaced: `check` returns the item itself, a corrected
 * copy, or null to drop it. The list is copied only when something changed.
 */
function keepMapped<T>(list: readonly T[], check: (item: T, index: number) => T | null): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const next = check(item, i);
    if (next === item) out?.push(item);
    else {
      out ??= list.slice(0, i);
      if (next !== null) out.push(next);
    }
  }
  return out ?? (list as T[]);
}
