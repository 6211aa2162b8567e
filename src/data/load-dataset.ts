/**
 * The dataset query (bulletproof-react's one-file-per-query rule): its options and its hook.
 * The backend fetches, validates and indexes off the main thread; the page gets a summary.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { config } from '@/app/config.ts';
import { getBackend } from './create-backend.ts';
import { viewOf } from './dataset-view.ts';
import { retryDelay, shouldRetry } from './load-error.ts';

/** The worker resolves URLs against its own script; give it an absolute one. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

export const datasetQueryOptions = (url: string) =>
  queryOptions({
    queryKey: ['dataset', url],
    queryFn: async () => viewOf(await getBackend().load(absolute(url))),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: shouldRetry,
    retryDelay,
  });

export function useDataset() {
  return useQuery(datasetQueryOptions(config.dataUrl));
}
