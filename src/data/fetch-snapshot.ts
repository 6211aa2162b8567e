/**
 * Fetching a dataset's summary snapshot (summary-snapshot.ts). Never fails: a dataset without a
 * snapshot, or with one that cannot be used, is loaded from its full file alone, which shows the
 * same, later. What was wrong with a broken snapshot goes to the console for whoever deployed it.
 */
import type { DatasetSummary } from './backend.ts';
import { FETCH_TIMEOUT_MS } from './fetch-dataset.ts';
import { decodeSummary, snapshotUrlOf } from './summary-snapshot.ts';

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
    return decodeSummary(await response.json());
  } catch (error) {
    console.warn(
      `Aktörskartan: ${error instanceof Error ? error.message : String(error)}; the dataset file alone is used.`,
    );
    return null;
  }
}
