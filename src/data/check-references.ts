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
    ids.filter((id) => {
      if (sourceIds.has(id)) return true;
      unknown(recordId, field, id, 'source', 'value-dropped');
      return false;
    });

  const programmes = dedupe(input.programmes, 'programme', problems).map((p) => ({
    ...p,
    sectors: p.sectors.filter((s) => {
      if (vocab.sectors.has(s)) return true;
      unknown(p.id, 'sectors', s, 'sector', 'value-dropped');
      return false;
    }),
    sources: knownSources(p.id, 'sources', p.sources),
  }));
  const programmeIds = new Set(programmes.map((p) => p.id));

  const candidates = dedupe(input.actors, 'actor', problems).filter((a) => {
    if (vocab.kinds.has(a.kind)) return true;
    unknown(a.id, 'kind', a.kind, 'actor kind', 'record-excluded');
    return false;
  });
  const actorIds = new Set(candidates.map((a) => a.id));

  const actors = candidates.map((a): Actor => {
    const sectors = a.sectors.filter((s) => {
      if (vocab.sectors.has(s)) return true;
      unknown(a.id, 'sectors', s, 'sector', 'value-dropped');
      return false;
    });
    const facilityTypes = a.facilityTypes.filter((f) => {
      if (vocab.facilityTypes.has(f)) return true;
      unknown(a.id, 'facilityTypes', f, 'facility type', 'value-dropped');
      return false;
    });
    if (a.location && !vocab.municipalities.has(a.location.municipality)) {
      unknown(a.id, 'location.municipality', a.location.municipality, 'municipality', 'none');
    }

    const programmeRoles = a.programmes.flatMap((role, i): ProgrammeRole[] => {
      const field = `programmes.${i}`;
      if (!programmeIds.has(role.programme)) {
        unknown(a.id, `${field}.programme`, role.programme, 'programme', 'value-dropped');
        return [];
      }
      if (!vocab.programmeRoles.has(role.role)) {
        unknown(a.id, `${field}.role`, role.role, 'programme role', 'value-dropped');
        return [];
      }
      return [{ ...role, sources: knownSources(a.id, `${field}.sources`, role.sources) }];
    });

    const relations = a.relations.flatMap((rel, i): Relation[] => {
      const field = `relations.${i}`;
      if (!vocab.relationTypes.has(rel.type)) {
        unknown(a.id, `${field}.type`, rel.type, 'relation type', 'value-dropped');
        return [];
      }
      if (!actorIds.has(rel.target)) {
        unknown(a.id, `${field}.target`, rel.target, 'actor', 'value-dropped');
        return [];
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
        return [];
      }
      let via = rel.via;
      if (via !== undefined && !actorIds.has(via)) {
        unknown(a.id, `${field}.via`, via, 'actor', 'value-dropped');
        via = undefined;
      }
      return [{ ...rel, via, sources: knownSources(a.id, `${field}.sources`, rel.sources) }];
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

    return {
      ...a,
      sectors,
      facilityTypes,
      programmes: programmeRoles,
      relations,
      sources: actorSources,
      website: a.website && {
        ...a.website,
        sources: knownSources(a.id, 'website.sources', a.website.sources),
      },
      founded: a.founded && {
        ...a.founded,
        sources: knownSources(a.id, 'founded.sources', a.founded.sources),
      },
      closed: a.closed && {
        ...a.closed,
        sources: knownSources(a.id, 'closed.sources', a.closed.sources),
      },
      location: a.location && {
        ...a.location,
        sources: knownSources(a.id, 'location.sources', a.location.sources),
      },
    };
  });

  return { actors, programmes, sources, problems };
}
