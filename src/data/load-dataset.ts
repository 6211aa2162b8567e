/**
 * The dataset query (bulletproof-react's one-file-per-query rule): its options and its hooks.
 * The backend fetches, validates and indexes off the main thread; the page gets a summary.
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { config } from '@/app/config.ts';
import { getBackend } from './create-backend.ts';
import { viewOf } from './dataset-view.ts';
import { retryDelay, shouldRetry } from './load-error.ts';

/**
 * A User Timing mark for when the page has the full dataset's word (search, counts and profiles
 * answer from then on): seen in the browser's performance tools, read by the benchmark.
 */
export const FULL_DATA_MARK = 'aktorskartan:full-data';
const markFullData = () => performance.mark(FULL_DATA_MARK);

/** The worker resolves URLs against its own script; give it an absolute one. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

export const datasetQueryOptions = (url: string) =>
  queryOptions({
    queryKey: ['dataset', url],
    queryFn: async () => {
      const summary = await getBackend().load(absolute(url));
      if (!summary.provisional) markFullData();
      return viewOf(summary);
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: shouldRetry,
    retryDelay,
  });

export function useDataset() {
  return useQuery(datasetQueryOptions(config.dataUrl));
}

/**
 * While the view on screen came from the summary snapshot: the full file's word on it. A
 * different summary replaces the view before the answer is in (so that no answer of the worker,
 * whose positions are the full file's, meets the snapshot's view); a failure is the query's error,
 * shown by DataStatus with the view left on screen.
 */
const confirmationQueryOptions = (client: QueryClient, url: string, loadedAt: number) =>
  queryOptions({
    // A new load (a retry) is a new question.
    queryKey: ['dataset-confirmed', url, loadedAt],
    queryFn: async () => {
      const replacement = await getBackend().confirmed();
      if (replacement) client.setQueryData(datasetQueryOptions(url).queryKey, viewOf(replacement));
      markFullData();
      return replacement;
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

/** Asks for the full file's word while the view is provisional. Used once, by the app. */
export function useDatasetConfirmation() {
  const dataset = useDataset();
  return useQuery({
    ...confirmationQueryOptions(useQueryClient(), config.dataUrl, dataset.dataUpdatedAt),
    enabled: dataset.data?.provisional === true,
  });
}

/**
 * True once the view on screen is the full file's, or confirmed by it (or the full file has
 * failed: the worker's requests then fail with its error, which is shown). Worker answers hold
 * positions in the full file, so lists wait for this.
 */
export function useFullDataIn(): boolean {
  const dataset = useDataset();
  const confirmation = useQuery({
    ...confirmationQueryOptions(useQueryClient(), config.dataUrl, dataset.dataUpdatedAt),
    // Only read here: useDatasetConfirmation asks.
    enabled: false,
  });
  return dataset.data?.provisional !== true || !confirmation.isPending;
}
