import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { closeActor, openProgramme, selectActor, takeFocusRequest } from '@/app/selection.ts';
import { useUrlState } from '@/app/url-store.ts';
import { programmeActivity, spanActivity } from '@/domain/time.ts';
import type { ActorDetail } from '@/data/backend.ts';
import { getBackend } from '@/data/create-backend.ts';
import { refAt, type DatasetView } from '@/data/dataset-view.ts';
import type { Period } from '@/data/schema.ts';
import { groupRelations } from '@/domain/relations.ts';
import { formatPartialDate, label, localize, useLang, useMessages } from '@/i18n/i18n.ts';
import type { Messages } from '@/i18n/messages.ts';
import { KindSymbol } from '@/ui/kind-symbol.tsx';
import { useEscape } from '@/ui/use-escape.ts';
import { SourceList } from './source-list.tsx';

interface ActorPanelProps {
  dataset: DatasetView;
  actorId: string;
}

export function formatPeriod(
  period: Pick<Period, 'start' | 'end' | 'ongoing'>,
  t: Messages,
): string {
  const start = period.start ?? t.periodUnknownStart;
  if (period.ongoing) return `${start}– (${t.periodOngoing})`;
  if (period.end === null)
    return `${start}–${period.start === null ? '' : ` (${t.periodUnknownEnd})`}`;
  return period.start === period.end ? String(start) : `${start}–${period.end}`;
}

const yearsLabel = (from?: number, to?: number) =>
  from === undefined && to === undefined
    ? ''
    : from === to
      ? ` (${from})`
      : ` (${from ?? ''}–${to ?? ''})`;

/**
 * The profile of one actor. Its full record comes from the data backend; the heading is there at
 * once, from the list's columns, so focus can move to it while the rest arrives.
 * Focus moves to the heading when it opens; Escape closes it.
 */
export function ActorPanel({ dataset, actorId }: ActorPanelProps) {
  const t = useMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const detail = useQuery({
    queryKey: ['actor', dataset.metadata.version, actorId],
    queryFn: () => getBackend().actor(actorId),
    staleTime: Infinity,
  });
  useEffect(() => {
    if (takeFocusRequest()) headingRef.current?.focus();
  }, [actorId]);
  useEscape(closeActor);
  const index = dataset.indexOf.get(actorId);
  const name = index === undefined ? actorId : (dataset.columns.names[index] ?? actorId);
  return (
    <article
      className="actor-panel"
      aria-labelledby="actor-panel-heading"
      aria-busy={detail.isPending}
    >
      <header className="panel-header">
        <h2 id="actor-panel-heading" ref={headingRef} tabIndex={-1}>
          {name}
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={closeActor}
          aria-label={t.closePanel}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {detail.data ? (
        <ActorProfile dataset={dataset} detail={detail.data} />
      ) : detail.isError ? (
        <p className="status status-error">{t.regionFailed}</p>
      ) : (
        <p className="status">{t.loadingProfile}</p>
      )}
    </article>
  );
}

function ActorProfile({ dataset, detail }: { dataset: DatasetView; detail: ActorDetail }) {
  const lang = useLang();
  const t = useMessages();
  const year = useUrlState((s) => s.year);
  const { actor } = detail;

  const kind = dataset.vocab.kinds.get(actor.kind);
  const description = localize(actor.description, lang);
  const note = actor.note && localize(actor.note, lang);
  const location = actor.location;
  const municipality = location && dataset.vocab.municipalities.get(location.municipality);
  const siteNote = location?.note && localize(location.note, lang);
  const groups = groupRelations(detail.relations);
  const langName = (l: string) => (l === 'sv' ? t.langNameSv : t.langNameEn);

  const actorButton = (id: string) => {
    const other = detail.related[id];
    if (!other) return <span>{id}</span>;
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => selectActor(refAt(dataset, other.index), { moveMap: true })}
      >
        {other.name}
      </button>
    );
  };

  return (
    <>
      <p className="panel-kind">
        {kind && <KindSymbol kind={kind} />} {label(kind?.label, lang)}
        {actor.closed && (
          <span className="badge badge-muted">
            {t.closed} {actor.closed.year ?? t.yearUnknown}
          </span>
        )}
      </p>
      {(actor.shortNames.length > 0 || actor.formerNames.length > 0) && (
        <dl className="facts">
          {actor.shortNames.length > 0 && (
            <Fact term={t.shortNames}>{actor.shortNames.join(', ')}</Fact>
          )}
          {actor.formerNames.length > 0 && (
            <Fact term={t.formerNames}>{actor.formerNames.join(', ')}</Fact>
          )}
        </dl>
      )}

      <section aria-labelledby="panel-what">
        <h3 id="panel-what">{t.whatTheyDo}</h3>
        <p lang={description.lang}>
          {description.text}
          {description.lang && (
            <span className="lang-mark"> {t.inLanguage(langName(description.lang))}</span>
          )}
        </p>
        {(actor.sectors.length > 0 || actor.facilityTypes.length > 0) && (
          <dl className="facts">
            {actor.sectors.length > 0 && (
              <Fact term={t.sectors}>
                {actor.sectors
                  .map((s) => label(dataset.vocab.sectors.get(s)?.label, lang))
                  .join(', ')}
              </Fact>
            )}
            {actor.facilityTypes.length > 0 && (
              <Fact term={t.facilityTypes}>
                {actor.facilityTypes
                  .map((f) => label(dataset.vocab.facilityTypes.get(f)?.label, lang))
                  .join(', ')}
              </Fact>
            )}
          </dl>
        )}
      </section>

      <section aria-labelledby="panel-where">
        <h3 id="panel-where">{t.where}</h3>
        {location ? (
          <>
            <address>
              {location.siteName && <span className="block">{location.siteName}</span>}
              {location.address && (
                <span className="block">
                  {location.address}
                  {location.postalCode ? `, ${location.postalCode}` : ''}
                </span>
              )}
              <span className="block">
                {municipality ? label(municipality.label, lang) : location.municipality}
              </span>
            </address>
            <p className="precision">
              {t.precision}:{' '}
              {location.precision === 'address'
                ? t.precisionAddress
                : location.precision === 'site'
                  ? t.precisionSite
                  : t.precisionMunicipality}
              {location.pointSources.length === 0 && (
                <span className="badge badge-warn">{t.positionUnverified}</span>
              )}
            </p>
            {!actor.coordinates && <p className="note">{t.notDrawnOnMap}</p>}
            {siteNote && (
              <p className="note" lang={siteNote.lang}>
                {siteNote.text}
              </p>
            )}
          </>
        ) : (
          <p>
            {t.noPlace}. {t.noPlaceHint}.
          </p>
        )}
      </section>

      {(actor.website || actor.founded) && (
        <dl className="facts">
          {actor.website && (
            <Fact term={t.website}>
              <a href={actor.website.url} target="_blank" rel="noopener noreferrer">
                {new URL(actor.website.url).hostname.replace(/^www\./, '')}
                <span className="visually-hidden"> {t.opensInNewTab}</span>
              </a>
              {actor.website.sources.length === 0 && (
                <span className="badge badge-warn">{t.unverified}</span>
              )}
            </Fact>
          )}
          {actor.founded && (
            <Fact term={t.founded}>
              {actor.founded.year}
              {actor.founded.sources.length === 0 && (
                <span className="badge badge-warn">{t.unverified}</span>
              )}
            </Fact>
          )}
        </dl>
      )}

      {actor.programmes.length > 0 && (
        <section aria-labelledby="panel-programmes">
          <h3 id="panel-programmes">{t.programmes}</h3>
          <ul className="plain-list">
            {actor.programmes.map((p) => {
              const programme = dataset.programmeById.get(p.programme);
              const role = dataset.vocab.programmeRoles.get(p.role);
              const inactive =
                year !== null &&
                ((programme && programmeActivity(programme.period, year) === 'inactive') ||
                  spanActivity(p, year) === 'inactive');
              return (
                <li
                  key={`${p.programme}:${p.role}`}
                  className={inactive ? 'is-inactive' : undefined}
                >
                  {programme ? (
                    <button
                      type="button"
                      className="link-button strong"
                      onClick={() => openProgramme(programme.id)}
                    >
                      {programme.name}
                    </button>
                  ) : (
                    <strong>{p.programme}</strong>
                  )}{' '}
                  – {label(role?.label, lang)}
                  {yearsLabel(p.from, p.to)}
                  {programme && (
                    <span className="muted"> · {formatPeriod(programme.period, t)}</span>
                  )}
                  {inactive && year !== null && (
                    <span className="muted"> – {t.notActiveIn(year)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {groups.length > 0 && (
        <section aria-labelledby="panel-relations">
          <h3 id="panel-relations">{t.relations}</h3>
          <dl className="relations">
            {groups.map((g) => {
              const type = dataset.vocab.relationTypes.get(g.type);
              const heading =
                g.direction === 'out' || type?.symmetric ? type?.label : type?.inverseLabel;
              return (
                <div key={g.key} className="relation-group">
                  <dt>{label(heading, lang) || g.type}</dt>
                  {g.items.map((r) => (
                    <dd
                      key={`${r.otherId}:${r.direction}`}
                      className={
                        year !== null && spanActivity(r, year) === 'inactive'
                          ? 'is-inactive'
                          : undefined
                      }
                    >
                      {actorButton(r.otherId)}
                      {r.via && (
                        <span className="muted">
                          {' '}
                          {t.via(detail.related[r.via]?.name ?? r.via)}
                        </span>
                      )}
                      {yearsLabel(r.from, r.to)}
                      {r.certainty === 'inferred' && (
                        <span className="badge badge-warn">{t.unverified}</span>
                      )}
                      {r.note && <span className="note-inline"> – {label(r.note, lang)}</span>}
                    </dd>
                  ))}
                </div>
              );
            })}
          </dl>
        </section>
      )}

      {note && (
        <p className="note" lang={note.lang}>
          <strong>{t.note}:</strong> {note.text}
        </p>
      )}

      <section aria-labelledby="panel-sources">
        <h3 id="panel-sources">{t.sources}</h3>
        <SourceList ids={actor.sources} dataset={dataset} />
        <p className="muted">
          {t.lastVerified}: {formatPartialDate(actor.lastVerified, lang)}
        </p>
      </section>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
