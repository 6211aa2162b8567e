import { useEffect, useRef } from 'react';
import { selectActor } from '@/app/selection.ts';
import { useUiStore } from '@/app/ui-store.ts';
import { refAt, type DatasetView } from '@/data/dataset-view.ts';
import { label, useLang, useMessages } from '@/i18n/i18n.ts';
import { KindSymbol } from '@/ui/kind-symbol.tsx';
import { useEscape } from '@/ui/use-escape.ts';

/**
 * The occupants of one place (actors in the same building, or placed at the same municipality
 * centre) or the members of a cluster. Each is one button away, so none is hidden on the map.
 */
export function PlacePanel({
  title,
  members,
  sharedPlace,
  dataset,
}: {
  title: string;
  /** Actor indices. */
  members: readonly number[];
  /** True for actors sharing one point (a cluster's members have no single place). */
  sharedPlace: boolean;
  dataset: DatasetView;
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
  const key = members.join(',');
  useEffect(() => headingRef.current?.focus(), [key]);
  useEscape(close);
  const { columns } = dataset;
  const first = members[0] ?? 0;
  const municipalityId = columns.municipalities[first];
  const municipality = municipalityId
    ? dataset.vocab.municipalities.get(municipalityId)
    : undefined;
  const onlyByMunicipality = members.some((i) => columns.precisions[i] === 'municipality');
  const sites = new Set(members.map((i) => columns.siteNames[i]).filter(Boolean));
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
      {sharedPlace && (
        <p className="muted">
          {onlyByMunicipality
            ? t.placeAtMunicipality(label(municipality?.label, lang))
            : [...sites].join(' · ')}
        </p>
      )}
      <ul className="actor-rows static">
        {members.map((i) => {
          const kind = dataset.vocab.kinds.get(columns.kinds[i] ?? '');
          return (
            <li key={i}>
              <button
                type="button"
                className="actor-row"
                onClick={() => selectActor(refAt(dataset, i))}
              >
                {kind && <KindSymbol kind={kind} />}
                <span className="actor-row-text">
                  <span className="actor-row-name">{columns.names[i]}</span>
                  <span className="actor-row-meta">
                    {label(kind?.label, lang)}
                    {columns.siteNames[i] ? ` · ${columns.siteNames[i]}` : ''}
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
