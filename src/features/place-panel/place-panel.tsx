import { useEffect, useRef } from 'react';
import { selectActor } from '@/app/selection.ts';
import { useUiStore } from '@/app/ui-store.ts';
import type { Dataset } from '@/data/dataset.ts';
import type { Place } from '@/domain/places.ts';
import { label, useLang, useMessages } from '@/i18n/i18n.ts';
import { KindSymbol } from '@/ui/kind-symbol.tsx';
import { useEscape } from '@/ui/use-escape.ts';

/**
 * The occupants of one place: actors in the same building, or placed at the same municipality
 * centre. Each is one button away, so none is hidden under another on the map.
 */
export function PlacePanel({
  title,
  actorIds,
  place,
  dataset,
}: {
  title: string;
  actorIds: readonly string[];
  /** Set for a shared place; a cluster's members have no single place. */
  place?: Place;
  dataset: Dataset;
}) {
  const lang = useLang();
  const t = useMessages();
  const closePlace = useUiStore((s) => s.setOpenPlace);
  const closeGroup = useUiStore((s) => s.setOpenGroup);
  const close = () => {
    closePlace(null);
    closeGroup(null);
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const key = actorIds.join(',');
  useEffect(() => headingRef.current?.focus(), [key]);
  useEscape(close);
  const occupants = actorIds.flatMap((id) => dataset.actorById.get(id) ?? []);
  const sites = new Set(occupants.map((a) => a.location?.siteName).filter(Boolean));
  const municipality =
    occupants[0]?.location && dataset.vocab.municipalities.get(occupants[0].location.municipality);
  return (
    <article className="actor-panel" aria-labelledby="place-panel-heading">
      <header className="panel-header">
        <h2 id="place-panel-heading" ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t.close}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {place && (
        <p className="muted">
          {place.precision === 'municipality'
            ? t.placeAtMunicipality(label(municipality?.label, lang))
            : [...sites].join(' · ')}
        </p>
      )}
      <ul className="actor-rows">
        {occupants.map((actor) => {
          const kind = dataset.vocab.kinds.get(actor.kind);
          return (
            <li key={actor.id}>
              <button type="button" className="actor-row" onClick={() => selectActor(actor)}>
                {kind && <KindSymbol kind={kind} />}
                <span className="actor-row-text">
                  <span className="actor-row-name">{actor.name}</span>
                  <span className="actor-row-meta">
                    {label(kind?.label, lang)}
                    {actor.location?.siteName ? ` · ${actor.location.siteName}` : ''}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
