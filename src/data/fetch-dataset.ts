/**
 * Fetching and parsing the dataset file, with typed errors the UI can explain. Runs wherever the
 * backend runs (normally the dataset worker).
 */
import type { Dataset } from './dataset.ts';
import { DatasetLoadError } from './load-error.ts';
import { DatasetFormatError, parseDataset } from './parse-dataset.ts';

/**
 * The largest file read as one document. A JavaScript string holds at most about 512 million
 * characters (V8), and parsing a file near that needs gigabytes: beyond this the reader gets a
 * clear message instead of a tab that runs out of memory. See README, "Scale".
 */
export const MAX_DATASET_BYTES = 400 * 1024 * 1024;

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
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    if (declared > MAX_DATASET_BYTES)
      throw new DatasetLoadError(
        'too-large',
        `${declared} bytes is more than ${MAX_DATASET_BYTES}`,
      );
    try {
      text = await response.text();
    } catch (error) {
      // The body did not fit in a string (or in memory): no retry will change that.
      if (error instanceof RangeError) throw new DatasetLoadError('too-large', error.message);
      throw error;
    }
  } catch (error) {
    if (error instanceof DatasetLoadError) throw error;
    if (timeout.aborted)
      throw new DatasetLoadError('timeout', `no answer within ${FETCH_TIMEOUT_MS} ms`);
    throw new DatasetLoadError('network', error instanceof Error ? error.message : String(error));
  }
  // Not text.trim(): that would copy a 100 MB file to look at its ends.
  if (/^\s*$/.test(text)) throw new DatasetLoadError('empty', 'the file is empty');
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
