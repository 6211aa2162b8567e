import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useUiStore } from '@/app/ui-store.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { DatasetLoadError } from '@/data/load-error.ts';
import type { Problem } from '@/data/problems.ts';
import { getBackend } from '@/data/create-backend.ts';
import { formatNumber, useLang, useMessages } from '@/i18n/i18n.ts';
import type { Messages } from '@/i18n/messages.ts';
import { Dialog } from '@/ui/dialog.tsx';
import { useTrueFor } from '@/ui/use-true-for.ts';

export function errorMessage(error: unknown, t: Messages): string {
  if (!(error instanceof DatasetLoadError)) return t.errorUnexpected;
  switch (error.kind) {
    case 'http':
      if (error.status === 404) return t.errorNotFound;
      if ((error.status ?? 0) >= 500) return t.errorServer(error.status ?? 500);
      return t.errorHttp(error.status ?? 0);
    case 'network':
      return t.errorNetwork;
    case 'timeout':
      return t.errorTimeout;
    case 'malformed':
      return t.errorMalformed;
    case 'empty':
      return t.errorEmpty;
    case 'format':
      return t.errorFormat;
    case 'too-large':
      return t.errorTooLarge;
  }
}

/** Loading, failure with a retry, and the count of records that were left out. */
/** After this long, the reader is told the data is slow rather than left looking at a spinner. */
const SLOW_AFTER_MS = 4000;
/**
 * The full file behind a first view from the snapshot is announced only when it keeps search and
 * profiles waiting noticeably: a line shown for a moment, then gone, only moves the page about.
 */
const PREPARING_AFTER_MS = 2000;
/** How often a slow load is asked how far it has come. */
const PROGRESS_EVERY_MS = 1000;

export function DataStatus({
  query,
  confirmation,
}: {
  query: UseQueryResult<DatasetView>;
  /** The full file's word on a first view from the snapshot (useDatasetConfirmation). */
  confirmation: UseQueryResult<unknown>;
}) {
  const t = useMessages();
  const lang = useLang();
  const slow = useTrueFor(query.isPending, SLOW_AFTER_MS);
  // A large file is read a feature at a time (fetch-dataset.ts): the reader sees it advance.
  const progress = useQuery({
    queryKey: ['load-progress'],
    queryFn: () => getBackend().progress(),
    enabled: query.isPending && slow,
    refetchInterval: PROGRESS_EVERY_MS,
    gcTime: 0,
  });
  const recordsRead = query.isPending ? (progress.data?.recordsRead ?? 0) : 0;
  const provisional = query.data?.provisional === true;
  const preparing = useTrueFor(provisional && confirmation.isPending, PREPARING_AFTER_MS);
  if (query.isPending) {
    // Between automatic retries the reader is told what failed and that the app keeps trying.
    const retrying = query.failureCount > 0;
    return (
      <p className={retrying ? 'status status-warn' : 'status'} aria-busy="true">
        <span className="spinner" aria-hidden="true" />{' '}
        {retrying
          ? `${errorMessage(query.failureReason, t)} ${t.retryingAttempt(query.failureCount + 1, 4)}`
          : recordsRead > 0
            ? t.loadingProgress(formatNumber(recordsRead, lang))
            : slow
              ? t.loadingSlow
              : t.loadingActors}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="status status-error" role="alert">
        <h2>{t.errorTitle}</h2>
        <p>{errorMessage(query.error, t)}</p>
        <button
          type="button"
          className="button"
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
        >
          {query.isFetching ? t.retrying : t.retry}
        </button>
      </div>
    );
  }
  if (provisional && confirmation.isError) {
    // The overview stays on screen: it is true as far as it goes.
    return (
      <div className="status status-error" role="alert">
        <h2>{t.fullLoadFailedTitle}</h2>
        <p>
          {errorMessage(confirmation.error, t)} {t.fullLoadFailed}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
        >
          {query.isFetching ? t.retrying : t.retry}
        </button>
      </div>
    );
  }
  return (
    <>
      {provisional && preparing && (
        <p className="status" aria-busy="true" data-testid="preparing-full">
          <span className="spinner" aria-hidden="true" /> {t.preparingFull}
        </p>
      )}
      <ProblemsSummary dataset={query.data} />
    </>
  );
}

function ProblemsSummary({ dataset }: { dataset: DatasetView }) {
  const t = useMessages();
  const open = useUiStore((s) => s.problemsOpen);
  const setOpen = useUiStore((s) => s.setProblemsOpen);
  const { excludedRecords, other } = dataset.problemTotals;
  if (dataset.problems.length === 0) return null;
  return (
    <div className="status status-warn">
      <p>
        {t.problemsSummary(excludedRecords, other)}{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          {t.showProblems}
        </button>
      </p>
      <Dialog
        open={open}
        title={t.problemsTitle}
        closeLabel={t.close}
        onClose={() => setOpen(false)}
      >
        <p>{t.problemsIntro(dataset.recordCount, dataset.actorCount)}</p>
        <table className="problems">
          <thead>
            <tr>
              <th scope="col">{t.record}</th>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.problem}</th>
              <th scope="col">{t.effect}</th>
            </tr>
          </thead>
          <tbody>
            {dataset.problems.slice(0, 500).map((p, i) => (
              <tr key={i}>
                <td>{p.recordId ?? '–'}</td>
                <td>{p.field ?? '–'}</td>
                <td>{describeProblem(p, t)}</td>
                <td>
                  {p.effect === 'record-excluded'
                    ? t.effectRecordExcluded
                    : p.effect === 'value-dropped'
                      ? t.effectValueDropped
                      : t.effectNone}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    </div>
  );
}

/** Zod's issue, in the reader's language where we know the kind of issue. */
function schemaDetail(p: Problem, t: Messages): string {
  const params = p.params ?? {};
  const detail = String(params.detail ?? p.message);
  switch (params.issue) {
    case 'invalid_type':
      return params.expected ? t.issueType(String(params.expected)) : detail;
    case 'too_big':
      return t.issueTooBig(Number(params.limit));
    case 'too_small':
      return t.issueTooSmall(Number(params.limit));
    case 'invalid_value':
    case 'invalid_union':
      return t.issueValue;
    default:
      return t.knownDetails[detail] ?? detail;
  }
}

function describeProblem(p: Problem, t: Messages): string {
  switch (p.code) {
    case 'schema':
    case 'envelope':
      return t.problemSchema(schemaDetail(p, t));
    case 'duplicate-id':
      return t.problemDuplicate;
    case 'unknown-reference':
      return t.problemUnknownRef(String(p.params?.what ?? ''), String(p.params?.value ?? ''));
    case 'missing-source':
      return t.problemMissingSource;
    case 'self-relation':
      return t.problemSelfRelation;
    case 'coordinates-outside-map':
      return p.params?.swapped ? t.problemSwapped : t.problemOutsideMap;
    default:
      return t.problemOther;
  }
}
