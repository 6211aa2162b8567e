import type { DatasetView } from '@/data/dataset-view.ts';
import { formatPartialDate, useLang, useMessages } from '@/i18n/i18n.ts';

/** The documents behind a record: title (linked when public), publisher and date. */
export function SourceList({
  ids,
  dataset,
}: {
  ids: readonly string[];
  dataset: Pick<DatasetView, 'sourceById'>;
}) {
  const t = useMessages();
  const lang = useLang();
  return (
    <ul className="sources">
      {ids.map((id) => {
        const s = dataset.sourceById.get(id);
        if (!s) return null;
        return (
          <li key={id}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
                <span className="visually-hidden"> {t.opensInNewTab}</span>
              </a>
            ) : (
              s.title
            )}
            <span className="muted">
              {' '}
              – {s.publisher}, {s.date ? formatPartialDate(s.date, lang) : t.undated}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
