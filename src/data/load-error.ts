/**
 * Why a dataset could not be loaded, and whether trying again can help. Kept apart from the
 * fetching and parsing code so the page can judge errors without loading the parser.
 */
export type LoadErrorKind =
  'http' | 'network' | 'timeout' | 'malformed' | 'empty' | 'format' | 'too-large';

export class DatasetLoadError extends Error {
  readonly kind: LoadErrorKind;
  readonly status?: number;
  constructor(kind: LoadErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'DatasetLoadError';
    this.kind = kind;
    this.status = status;
  }
}

/** Retrying cannot fix a 4xx or a broken file; it can fix a 5xx, a dropped connection or a timeout. */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (failureCount >= 3) return false;
  if (!(error instanceof DatasetLoadError)) return false;
  if (error.kind === 'http') return (error.status ?? 0) >= 500;
  return error.kind === 'network' || error.kind === 'timeout';
}

/** Exponential backoff: 1 s, 2 s, 4 s. */
export const retryDelay = (attempt: number) => Math.min(1000 * 2 ** attempt, 8000);
