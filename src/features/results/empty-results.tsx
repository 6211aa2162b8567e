import { setUrlState } from '@/app/url-store.ts';
import type { ResultSet } from '@/app/use-results.ts';
import { FACET_TITLE } from '@/features/filters/facet-labels.ts';
import { formatNumber, useLang, useMessages } from '@/i18n/i18n.ts';

/** Says that nothing matches, and offers to drop the condition that emptied the list. */
export function EmptyResults({ results }: { results: ResultSet }) {
  const t = useMessages();
  const lang = useLang();
  return (
    <div className="empty-results">
      <h3>{t.emptyTitle}</h3>
      {results.relaxations.length > 0 && (
        <>
          <p>{t.emptyHint}</p>
          <ul>
            {results.relaxations.map((r) => {
              const n = formatNumber(r.count, lang);
              const [text, apply] =
                r.kind === 'facet'
                  ? [
                      t.relaxFacet(FACET_TITLE[r.facet](t), n),
                      () =>
                        setUrlState(
                          (s) => ({ ...s, filters: { ...s.filters, [r.facet]: [] } }),
                          'push',
                        ),
                    ]
                  : r.kind === 'query'
                    ? [t.relaxQuery(n), () => setUrlState({ q: '' }, 'push')]
                    : [t.relaxInView(n), () => setUrlState({ inView: false }, 'push')];
              return (
                <li key={r.kind === 'facet' ? r.facet : r.kind}>
                  <button type="button" className="button" onClick={apply}>
                    {text}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
