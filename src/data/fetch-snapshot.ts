/**
 * Fetching a dataset's summary snapshot (summary-snapshot.ts). Never fails: a dataset without a
 * snapshot, or with one that cannot be used, is loaded from its full file alone, which shows the
 * same, later. What was wrong with a broken snapshot goes to the console for whoever deployed it.
 */
import type { DatasetSummary } from './backend.ts';
import { FETCH_TIMEOUT_MS } from './fetch-dataset.ts';
import { decodeSummary, snapshotUrlOf } from './summary-snapshot.ts';

/**
 * The largest snapshot read (about 370,000 actors): a summary much beyond that would strain the
 * page that holds it. Such a dataset needs the split described in the README ("A million
 * actors"); until then its full file alone decides, and refuses a file too large for one read.
 */
export const MAX_SNAPSHOT_BYTES = 100 * 1024 * 1024;

export async function fetchSnapshot(datasetUrl: string): Promise<DatasetSummary | null> {
  const url = snapshotUrlOf(datasetUrl);
  if (url === null) return null;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { Accept: 'application/json' },
    });
    // None published (a dataset from elsewhere, an older build): the full file alone.
    if (!response.ok) return null;
    // Checked before reading when the size is declared, and after (a compressed body declares
    // its compressed size), before the costly part: parsing.
    const tooLarge = (bytes: number) =>
      new Error(
        `the summary snapshot is not usable: ${bytes} bytes is more than ${MAX_SNAPSHOT_BYTES}`,
      );
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    if (declared > MAX_SNAPSHOT_BYTES) {
      void response.body?.cancel();
      throw tooLarge(declared);
    }
    const text = await response.text();
    if (text.length > MAX_SNAPSHOT_BYTES) throw tooLarge(text.length);
    return decodeSummary(JSON.parse(text));
  } catch (error) {
    console.warn(
      `Aktörskartan: ${error instanceof Error ? error.message : String(error)}; the dataset file alone is used.`,
    );
    return null;
  }
}
