/**
 * Fetching and parsing the dataset file, with typed errors the UI can explain. Runs wherever the
 * backend runs (normally the dataset worker).
 */
import type { Dataset } from './dataset.ts';
import { DatasetLoadError } from './load-error.ts';
import { DatasetFormatError, parseDataset } from './parse-dataset.ts';

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
