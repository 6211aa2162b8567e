import { memo } from 'react';
import { selectActor } from '@/app/selection.ts';
import { useUiStore } from '@/app/ui-store.ts';
import type { Actor, Dataset } from '@/data/dataset.ts';
import { label, localize, useLang, useMessages } from '@/i18n/i18n.ts';
import { KindSymbol } from '@/ui/kind-symbol.tsx';

interface ActorListProps {
  dataset: Dataset;
  actors: readonly Actor[];
  selectedId: string | null;
}

/**
 * Every actor, as buttons: the complete keyboard and screen-reader path. The map only adds to it.
 */
export function ActorList({ dataset, actors, selectedId }: ActorListProps) {
  const t = useMessages();
  return (
    <section className="actor-list" aria-labelledby="actor-list-heading">
      <h2 id="actor-list-heading" tabIndex={-1}>
        {t.actorList} <span className="count">({actors.length})</span>
      </h2>
      <ul className="actor-rows">
        {actors.map((actor) => (
          <ActorRow
            key={actor.id}
            actor={actor}
            dataset={dataset}
            selected={actor.id === selectedId}
          />
        ))}
      </ul>
    </section>
  );
}

const ActorRow = memo(function ActorRow({
  actor,
  dataset,
  selected,
}: {
  actor: Actor;
  dataset: Dataset;
  selected: boolean;
}) {
  const lang = useLang();
  const t = useMessages();
  const setHovered = useUiStore((s) => s.setHoveredActor);
  const kind = dataset.vocab.kinds.get(actor.kind);
  const municipality =
    actor.location && dataset.vocab.municipalities.get(actor.location.municipality);
  const description = localize(actor.description, lang);
  return (
    <li>
      <button
        type="button"
        className="actor-row"
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectActor(actor, { moveMap: true })}
        onMouseEnter={() => setHovered(actor.id)}
        onMouseLeave={() => setHovered(null)}
        onFocus={() => setHovered(actor.id)}
        onBlur={() => setHovered(null)}
      >
        {kind && <KindSymbol kind={kind} />}
        <span className="actor-row-text">
          <span className="actor-row-name">{actor.name}</span>
          <span className="actor-row-meta">
            {label(kind?.label, lang)}
            {' · '}
            {municipality
              ? label(municipality.label, lang)
              : actor.location
                ? actor.location.municipality
                : t.noPlace}
          </span>
          <span className="actor-row-description" lang={description.lang}>
            {description.text}
          </span>
        </span>
      </button>
    </li>
  );
});
