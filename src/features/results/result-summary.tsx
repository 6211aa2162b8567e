import { useEffect, useId, useRef } from 'react';
import { useUiStore } from '@/app/ui-store.ts';
import { currentHref, setUrlState, useUrlState } from '@/app/url-store.ts';
import type { ResultSet } from '@/app/use-results.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { EmbedButton } from '@/features/embed/embed-dialog.tsx';
import { ExportButton } from '@/features/export/export-dialog.tsx';
import { SORTS, type Sort } from '@/domain/url-state.ts';
import { formatNumber, useLang, useMessages } from '@/i18n/i18n.ts';
import type { Messages } from '@/i18n/messages.ts';
import { useTrueFor } from '@/ui/use-true-for.ts';

const SORT_LABEL: Record<Sort, (t: Messages) => string> = {
  relevance: (t) => t.sortRelevance,
  name: (t) => t.sortName,
  distance: (t) => t.sortDistance,
};

/** How long the count must stay put before it is read out, so typing does not chatter. */
const ANNOUNCE_DELAY_MS = 700;
/**
 * After this long waiting for an answer, the reader is told the app is at work: a search is
 * instant, except the first one in a very large dataset, which waits for its index (14 to 18 s
 * at a million actors).
 */
const WORKING_AFTER_MS = 1000;

export function ResultSummary({ results, dataset }: { results: ResultSet; dataset: DatasetView }) {
  const total = dataset.actorCount;
  const embed = useUrlState((s) => s.embed);
  const t = useMessages();
  const lang = useLang();
  const sort = useUrlState((s) => s.sort);
  const inView = useUrlState((s) => s.inView);
  const announce = useUiStore((s) => s.announce);
  const sortId = useId();
  const shown = results.order.length;
  const working = useTrueFor(results.busy, WORKING_AFTER_MS);
  const text = results.ready
    ? t.resultsCount(formatNumber(shown, lang), formatNumber(total, lang))
    : t.resultsCounting;

  // Announce the count politely, debounced, and only when the result set changes.
  const lastAnnounced = useRef<string | null>(null);
  useEffect(() => {
    if (!results.ready) return;
    const key = `${shown}/${total}`;
    if (lastAnnounced.current === null) {
      lastAnnounced.current = key;
      return;
    }
    if (lastAnnounced.current === key) return;
    const timer = window.setTimeout(() => {
      lastAnnounced.current = key;
      announce(text);
    }, ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [shown, total, text, announce, results.ready]);

  return (
    <div className="result-summary">
      <p className="result-count">{text}</p>
      {working && (
        <p className="result-working">
          <span className="spinner" aria-hidden="true" /> {t.resultsWorking}
        </p>
      )}
      <div className="result-controls">
        <label htmlFor={sortId}>{t.sortLabel}</label>
        <select
          id={sortId}
          value={sort}
          onChange={(e) => setUrlState({ sort: e.target.value as Sort }, 'push')}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s](t)}
            </option>
          ))}
        </select>
        <label className="checkbox" title={t.inViewHint}>
          <input
            type="checkbox"
            checked={inView}
            onChange={(e) => setUrlState({ inView: e.target.checked }, 'push')}
          />
          {t.inViewLabel}
        </label>
        {!embed && (
          <>
            <CopyLinkButton />
            <ExportButton dataset={dataset} order={results.order} />
            <EmbedButton />
          </>
        )}
      </div>
    </div>
  );
}

function CopyLinkButton() {
  const t = useMessages();
  const announce = useUiStore((s) => s.announce);
  return (
    <button
      type="button"
      className="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(currentHref());
          announce(t.linkCopied);
        } catch {
          announce(t.linkCopyFailed);
        }
      }}
    >
      {t.copyLink}
    </button>
  );
}
