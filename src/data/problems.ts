/**
 * Problems found in data, shared by the app (shown on demand) and `npm run data:check` (printed).
 * A problem names where it is (file, record, field), what it is (a code with parameters, so the UI
 * can translate it) and what was done about it.
 */
import type { z } from 'zod';

export type ProblemCode =
  | 'json-syntax'
  | 'envelope'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'coordinates-outside-sweden'
  | 'coordinates-swapped'
  | 'coordinates-outside-map'
  | 'missing-source'
  | 'unverified-fact'
  | 'missing-translation'
  | 'low-contrast'
  | 'self-relation'
  | 'file-name'
  | 'stale-json-schema';

export type Effect =
  /** The record is left out of the app. */
  | 'record-excluded'
  /** The record shows, without the named value. */
  | 'value-dropped'
  /** Nothing changes; a curator should look. */
  | 'none';

export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** English sentence for the command line; the UI builds its own from code and params. */
  message: string;
  file?: string;
  recordId?: string;
  field?: string;
  params?: Record<string, string | number>;
  effect: Effect;
}

/** Dotted path for a zod issue ("relations.2.target"). */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One problem per zod issue, so a curator sees every broken field at once. */
export function problemsFromZod(
  error: z.ZodError,
  where: { file?: string; recordId?: string; what?: string },
  effect: Effect,
): Problem[] {
  return error.issues.map((issue) => {
    const field = issuePath(issue.path);
    return {
      severity: 'error',
      code: 'schema',
      message: issue.message,
      file: where.file,
      recordId: where.recordId,
      field: field || undefined,
      params: {
        detail: issue.message,
        what: where.what ?? 'record',
        issue: issue.code,
        ...('expected' in issue && typeof issue.expected === 'string'
          ? { expected: issue.expected }
          : {}),
        ...('maximum' in issue
          ? { limit: Number(issue.maximum) }
          : 'minimum' in issue
            ? { limit: Number(issue.minimum) }
            : {}),
      },
      effect,
    };
  });
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.recordId && `id "${p.recordId}"`, p.field && `field ${p.field}`]
    .filter(Boolean)
    .join(', ');
  return `${p.severity === 'error' ? 'error' : 'warning'}: ${where ? `${where}: ` : ''}${p.message}`;
}
