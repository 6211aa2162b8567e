/**
 * Fetching the dataset: one fetcher, its query options and its hook (bulletproof-react's
 * one-file-per-query rule). Parsing happens inside the query function, so bad data becomes a
 * typed query error or a problems list, never a crash.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { config } from '@/app/config.ts';
import type { Dataset } from './dataset.ts';
import { DatasetFormatError, parseDataset } from './parse-dataset.ts';

export type LoadErrorKind = 'http' | 'network' | 'timeout' | 'malformed' | 'empty' | 'format';

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

/** A response slower than this is abandoned and offered for retry. */
export const FETCH_TIMEOUT_MS = 15_000;

export async function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: combined,
      headers: { Accept: 'application/geo+json, application/json' },
    });
    if (!response.ok)
      throw new DatasetLoadError('http', `HTTP ${response.status}`, response.status);
    text = await response.text();
  } catch (error) {
    if (error instanceof DatasetLoadError) throw error;
    if (timeout.aborted)
      throw new DatasetLoadError('timeout', `no answer within ${FETCH_TIMEOUT_MS} ms`);
    throw new DatasetLoadError('network', error instanceof Error ? error.message : String(error));
  }
  if (text.trim() === '') throw new DatasetLoadError('empty', 'the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetLoadError('malformed', error instanceof Error ? error.message : 'not JSON');
  }
  try {
    return parseDataset(json);
  } catch (error) {
    if (error instanceof DatasetFormatError) throw new DatasetLoadError('format', error.message);
    throw error;
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

export const datasetQueryOptions = (url: string) =>
  queryOptions({
    queryKey: ['dataset', url],
    queryFn: ({ signal }) => fetchDataset(url, signal),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: shouldRetry,
    retryDelay,
  });

export function useDataset() {
  return useQuery(datasetQueryOptions(config.dataUrl));
}
