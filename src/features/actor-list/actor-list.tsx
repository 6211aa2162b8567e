import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { selectActor } from '@/app/selection.ts';
import { useUiStore } from '@/app/ui-store.ts';
import type { ResultSet } from '@/app/use-results.ts';
import type { Actor, Dataset } from '@/data/dataset.ts';
import { label, localize, useLang, useMessages } from '@/i18n/i18n.ts';
import { Highlight } from '@/ui/highlight.tsx';
import { KindSymbol } from '@/ui/kind-symbol.tsx';
import { EmptyResults } from '@/features/results/empty-results.tsx';

interface ActorListProps {
  dataset: Dataset;
  results: ResultSet;
  selectedId: string | null;
}

const ROW_ESTIMATE = 84;

/**
 * Every result, as buttons: the complete keyboard and screen-reader path (the map only adds to it).
 * Rows are virtualised so 100,000 actors cost what 30 do. The list is one Tab stop; arrow keys,
 * Home, End, Page Up and Page Down move between rows (a roving tabindex), because rows outside
 * the window are not in the page to be tabbed to.
 */
export function ActorList({ dataset, results, selectedId }: ActorListProps) {
  const t = useMessages();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { actors, positionOf, terms } = results;
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, actors.length - 1));

  const virtualizer = useVirtualizer({
    count: actors.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  });

  // A selection made elsewhere (the map, a link) scrolls the list to its row.
  const selectedIndex = selectedId ? positionOf.get(selectedId) : undefined;
  useEffect(() => {
    if (selectedIndex === undefined) return;
    setActive(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-index="${activeIndex}"] button`,
    );
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(actors.length - 1, to));
    focusPending.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_ESTIMATE));
    const keys: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: actors.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const target = keys[e.key];
    if (target === undefined) return;
    e.preventDefault();
    move(target);
  };

  return (
    <section className="actor-list" aria-labelledby="actor-list-heading">
      <h2 id="actor-list-heading" className="visually-hidden" tabIndex={-1}>
        {t.actorList}
      </h2>
      {actors.length === 0 ? (
        <EmptyResults results={results} />
      ) : (
        <div ref={scrollRef} className="actor-scroll">
          <p className="visually-hidden">{t.listKeyboardHelp}</p>
          {/* The list's rows are positioned absolutely inside a spacer as tall as all rows together. */}
          <ul className="actor-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const actor = actors[item.index] as Actor;
              return (
                <li
                  key={actor.id}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-setsize={actors.length}
                  aria-posinset={item.index + 1}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <ActorRow
                    actor={actor}
                    dataset={dataset}
                    terms={terms}
                    selected={actor.id === selectedId}
                    tabbable={item.index === activeIndex}
                    onFocusRow={() => setActive(item.index)}
                    onKeyDown={onKeyDown}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  actor: Actor;
  dataset: Dataset;
  terms: readonly string[];
  selected: boolean;
  tabbable: boolean;
  onFocusRow: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

const ActorRow = memo(function ActorRow({
  actor,
  dataset,
  terms,
  selected,
  tabbable,
  onFocusRow,
  onKeyDown,
}: RowProps) {
  const lang = useLang();
  const t = useMessages();
  const setHovered = useUiStore((s) => s.setHoveredActor);
  const kind = dataset.vocab.kinds.get(actor.kind);
  const municipality =
    actor.location && dataset.vocab.municipalities.get(actor.location.municipality);
  const description = localize(actor.description, lang);
  const extraNames = [...actor.shortNames, ...actor.formerNames];
  return (
    <button
      type="button"
      className="actor-row"
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => selectActor(actor, { moveMap: true })}
      onMouseEnter={() => setHovered(actor.id)}
      onMouseLeave={() => setHovered(null)}
      onFocus={() => {
        onFocusRow();
        setHovered(actor.id);
      }}
      onBlur={() => setHovered(null)}
      onKeyDown={onKeyDown}
    >
      {kind && <KindSymbol kind={kind} />}
      <span className="actor-row-text">
        <span className="actor-row-name">
          <Highlight text={actor.name} terms={terms} />
          {terms.length > 0 && extraNames.length > 0 && (
            <span className="actor-row-aka">
              {' '}
              (<Highlight text={extraNames.join(', ')} terms={terms} />)
            </span>
          )}
        </span>
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
          <Highlight text={description.text} terms={terms} />
        </span>
      </span>
    </button>
  );
});
