import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { closeProgramme, selectActor, takeFocusRequest } from '@/app/selection.ts';
import { useUrlState } from '@/app/url-store.ts';
import { getBackend } from '@/data/create-backend.ts';
import { refAt, type DatasetView } from '@/data/dataset-view.ts';
import type { Programme } from '@/data/schema.ts';
import { programmeActivity, spanActivity } from '@/domain/time.ts';
import { label, localize, useLang, useMessages } from '@/i18n/i18n.ts';
import { KindSymbol } from '@/ui/kind-symbol.tsx';
import { useEscape } from '@/ui/use-escape.ts';
import { formatPeriod } from '@/features/actor-panel/actor-panel.tsx';
import { SourceList } from '@/features/actor-panel/source-list.tsx';

/** Roles in the order readers look for them. */
const ROLE_ORDER = ['owner', 'funder', 'partner', 'host', 'member', 'participant', 'awardee'];

const years = (from?: number, to?: number) =>
  from === undefined && to === undefined
    ? ''
    : from === to
      ? `(${from})`
      : `(${from ?? ''}–${to ?? ''})`;

/**
 * A programme: what it is, when it ran, who owns and funds it and who takes part, by role. The
 * map meanwhile highlights its members and draws the ties from its owner.
 */
export function ProgrammePanel({
  programme,
  dataset,
}: {
  programme: Programme;
  dataset: DatasetView;
}) {
  const t = useMessages();
  const lang = useLang();
  const year = useUrlState((s) => s.year);
  const query = useQuery({
    queryKey: ['programme', dataset.metadata.version, programme.id],
    queryFn: () => getBackend().programme(programme.id),
    staleTime: Infinity,
  });
  const members = query.data ?? [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocusRequest()) headingRef.current?.focus();
  }, [programme.id]);
  useEscape(closeProgramme);

  const description = localize(programme.description, lang);
  const status = year === null ? null : programmeActivity(programme.period, year);
  const byRole = ROLE_ORDER.map((role) => ({
    role,
    items: members.filter((m) => m.role === role),
  })).filter((g) => g.items.length > 0);

  return (
    <article
      className="actor-panel programme-panel"
      aria-labelledby="programme-panel-heading"
      aria-busy={query.isPending}
    >
      <header className="panel-header">
        <h2 id="programme-panel-heading" ref={headingRef} tabIndex={-1}>
          {programme.name}
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={closeProgramme}
          aria-label={t.closeProgramme}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p className="panel-kind">
        {t.programmeTypes[programme.type] ?? programme.type} · {t.period}:{' '}
        {formatPeriod(programme.period, t)}
        {status && (
          <span className={status === 'active' ? 'badge' : 'badge badge-warn'}>
            {status === 'active'
              ? t.activeIn(year ?? 0)
              : status === 'inactive'
                ? t.notActiveIn(year ?? 0)
                : t.yearUnknownStatus}
          </span>
        )}
      </p>
      <p lang={description.lang}>{description.text}</p>
      {programme.website && (
        <p>
          <a href={programme.website} target="_blank" rel="noopener noreferrer">
            {new URL(programme.website).hostname.replace(/^www\./, '')}
            <span className="visually-hidden"> {t.opensInNewTab}</span>
          </a>
        </p>
      )}

      <section aria-labelledby="programme-members">
        <h3 id="programme-members">{t.programmeMembers}</h3>
        {query.isPending && <p className="status">{t.loadingProfile}</p>}
        {query.isError && (
          <p className="status status-error" role="alert">
            {t.regionFailed}
          </p>
        )}
        <dl className="relations">
          {byRole.map(({ role, items }) => (
            <div key={role} className="relation-group">
              <dt>{label(dataset.vocab.programmeRoles.get(role)?.label, lang)}</dt>
              {items.map((m) => {
                const kind = dataset.vocab.kinds.get(m.kind);
                const inactive =
                  year !== null && (status === 'inactive' || spanActivity(m, year) === 'inactive');
                return (
                  <dd key={m.actorId} className={inactive ? 'is-inactive' : undefined}>
                    {kind && <KindSymbol kind={kind} size={14} />}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => selectActor(refAt(dataset, m.index), { moveMap: true })}
                    >
                      {m.name}
                    </button>{' '}
                    {years(m.from, m.to)}
                    {!m.hasPlace && <span className="muted"> ({t.programmeNoPlace})</span>}
                    {m.certainty === 'inferred' && (
                      <span className="badge badge-warn">{t.unverified}</span>
                    )}
                    {inactive && year !== null && (
                      <span className="muted"> – {t.notActiveIn(year)}</span>
                    )}
                    {m.note && <span className="note-inline"> – {label(m.note, lang)}</span>}
                  </dd>
                );
              })}
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="programme-sources">
        <h3 id="programme-sources">{t.sources}</h3>
        <SourceList ids={programme.sources} dataset={dataset} />
      </section>
    </article>
  );
}
