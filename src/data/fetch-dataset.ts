/**
 * Fetching and parsing the dataset file, with typed errors the UI can explain. Runs wherever the
 * backend runs (normally the dataset worker).
 */
import type { Dataset } from './dataset.ts';
import { FeatureSplitter, FeatureStreamError } from './feature-stream.ts';
import { DatasetLoadError } from './load-error.ts';
import { DatasetFormatError, DatasetReader, parseDataset } from './parse-dataset.ts';

/**
 * Files larger than this are read a feature at a time (feature-stream.ts) instead of as one
 * document: a JavaScript string holds at most about 512 million characters (V8), and the parsed
 * objects of a whole file that size would need gigabytes at once. Smaller files take the faster
 * path of one `JSON.parse`.
 */
export const STREAM_DATASET_BYTES = 200 * 1024 * 1024;

/**
 * The largest file read at all: about 1.4 million actors of the benchmark's kind. A million
 * (1.1 GB) was measured (README, "Performance and scale"); beyond this the reader gets a clear
 * message instead of a tab that runs out of memory.
 */
export const MAX_DATASET_BYTES = 1536 * 1024 * 1024;

/** A response slower than this is abandoned and offered for retry. */
export const FETCH_TIMEOUT_MS = 15_000;

/** How far a file read in pieces has come: the actor records read so far. */
export type LoadProgressListener = (recordsRead: number) => void;

export async function fetchDataset(
  url: string,
  signal?: AbortSignal,
  onProgress?: LoadProgressListener,
): Promise<Dataset> {
  // The timeout covers the wait for an answer and, for a file read in pieces, each wait for the
  // next piece: reading a million actors takes longer than any fixed limit on the whole.
  const stalled = new AbortController();
  let timer = setTimeout(() => stalled.abort(), FETCH_TIMEOUT_MS);
  const stillComing = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled.abort(), FETCH_TIMEOUT_MS);
  };
  const combined = signal ? AbortSignal.any([signal, stalled.signal]) : stalled.signal;
  let response: Response;
  let text = '';
  // A file read in pieces: what is left once all of it is in (checking references, indexing).
  let finish: (() => Dataset) | null = null;
  try {
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
      // A compressed answer's length says nothing of the text's: its size is then unknown, and
      // a file of unknown size is read in pieces, which works for any size.
      const size = response.headers.has('Content-Encoding') ? NaN : declared;
      if (response.body && !(size <= STREAM_DATASET_BYTES))
        finish = await readInPieces(response.body, combined, stillComing, onProgress);
      else
        try {
          text = await response.text();
        } catch (error) {
          // The body did not fit in a string (or in memory): no retry will change that.
          if (error instanceof RangeError) throw new DatasetLoadError('too-large', error.message);
          throw error;
        }
    } catch (error) {
      if (error instanceof DatasetLoadError) throw error;
      if (stalled.signal.aborted)
        throw new DatasetLoadError('timeout', `no answer within ${FETCH_TIMEOUT_MS} ms`);
      throw new DatasetLoadError('network', error instanceof Error ? error.message : String(error));
    }
  } finally {
    clearTimeout(timer);
  }
  if (finish) return parsed(finish);
  // Not text.trim(): that would copy a 100 MB file to look at its ends.
  if (/^\s*$/.test(text)) throw new DatasetLoadError('empty', 'the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetLoadError('malformed', error instanceof Error ? error.message : 'not JSON');
  }
  return parsed(() => parseDataset(json));
}

function parsed(parse: () => Dataset): Dataset {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DatasetFormatError) throw new DatasetLoadError('format', error.message);
    throw error;
  }
}

/** A large file, a feature at a time: each is parsed and checked while the next bytes arrive. */
async function readInPieces(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  stillComing: () => void,
  onProgress: LoadProgressListener | undefined,
): Promise<() => Dataset> {
  const bytes = body.getReader();
  // Not fatal: broken UTF-8 becomes U+FFFD, as response.text() makes it for a smaller file.
  const decoder = new TextDecoder();
  const splitter = new FeatureSplitter();
  const reader = new DatasetReader();
  let empty = true;
  const malformed = (error: unknown) =>
    new DatasetLoadError('malformed', error instanceof Error ? error.message : 'not JSON');
  let envelope: unknown;
  try {
    const take = (text: string) => {
      if (empty && /\S/.test(text)) empty = false;
      splitter.push(text, (json) => reader.addFeature(JSON.parse(json)));
    };
    // A read waits no longer than the signal allows, whether or not the fetch implementation
    // errors the body when its request is aborted.
    const abandoned = new Promise<never>((_, reject) => {
      const stop = () => {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        void bytes.cancel().catch(() => undefined);
      };
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
    abandoned.catch(() => undefined);
    for (;;) {
      const { done, value } = await Promise.race([bytes.read(), abandoned]);
      if (done) break;
      stillComing();
      take(decoder.decode(value, { stream: true }));
      onProgress?.(reader.recordsRead);
    }
    take(decoder.decode());
    if (empty) throw new DatasetLoadError('empty', 'the file is empty');
    envelope = JSON.parse(splitter.end());
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof FeatureStreamError) throw malformed(error);
    throw error;
  }
  return () => reader.finish(envelope);
}
