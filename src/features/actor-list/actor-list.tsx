import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { selectActor } from '@/app/selection.ts';
import { useUiStore } from '@/app/ui-store.ts';
import type { ResultSet } from '@/app/use-results.ts';
import { refAt, snippetAt, type DatasetView } from '@/data/dataset-view.ts';
import { label, useLang, useMessages } from '@/i18n/i18n.ts';
import { Highlight } from '@/ui/highlight.tsx';
import { KindSymbol } from '@/ui/kind-symbol.tsx';
import { EmptyResults } from '@/features/results/empty-results.tsx';

interface ActorListProps {
  dataset: DatasetView;
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
  const { order, terms } = results;
  // Typed text still waiting in the search box counts as on its way, as a computing result does.
  const searchPending = useUiStore((s) => s.searchPending);
  const busy = results.busy || searchPending;
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, order.length - 1));

  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (k) => order[k] ?? k,
  });

  // A selection made elsewhere (the map, a link) scrolls the list to its row.
  const selectedActor = selectedId ? dataset.indexOf.get(selectedId) : undefined;
  // A native scan, only while something is selected: cheaper than an actor → position table
  // rebuilt for every result set (a 100,000-entry array per filter click).
  const selectedPosition = useMemo(
    () => (selectedActor === undefined ? -1 : order.indexOf(selectedActor)),
    [order, selectedActor],
  );
  useEffect(() => {
    if (selectedPosition < 0) return;
    setActive(selectedPosition);
    virtualizer.scrollToIndex(selectedPosition, { align: 'auto' });
  }, [selectedPosition, virtualizer]);

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
    const next = Math.max(0, Math.min(order.length - 1, to));
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
      End: order.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const target = keys[e.key];
    if (target === undefined) return;
    e.preventDefault();
    move(target);
  };

  return (
    <section
      className="actor-list"
      aria-labelledby="actor-list-heading"
      aria-busy={busy}
      data-busy={busy}
    >
      <h2 id="actor-list-heading" className="visually-hidden" tabIndex={-1}>
        {t.actorList}
      </h2>
      {results.ready && order.length === 0 ? (
        <EmptyResults results={results} />
      ) : (
        <div ref={scrollRef} className="actor-scroll">
          <p className="visually-hidden">{t.listKeyboardHelp}</p>
          {/* The rows are positioned absolutely inside a spacer as tall as all rows together. */}
          <ul className="actor-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const actor = order[item.index] ?? 0;
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-setsize={order.length}
                  aria-posinset={item.index + 1}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <ActorRow
                    dataset={dataset}
                    index={actor}
                    position={item.index}
                    terms={terms}
                    selected={dataset.columns.ids[actor] === selectedId}
                    tabbable={item.index === activeIndex}
                    onFocusRow={setActive}
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
  dataset: DatasetView;
  /** Index of the actor in the dataset's columns. */
  index: number;
  /** Position in the list. */
  position: number;
  terms: readonly string[];
  selected: boolean;
  tabbable: boolean;
  onFocusRow: (position: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

const ActorRow = memo(function ActorRow({
  dataset,
  index,
  position,
  terms,
  selected,
  tabbable,
  onFocusRow,
  onKeyDown,
}: RowProps) {
  const lang = useLang();
  const t = useMessages();
  const setHovered = useUiStore((s) => s.setHoveredActor);
  const { columns } = dataset;
  const id = columns.ids[index] ?? '';
  const kind = dataset.vocab.kinds.get(columns.kinds[index] ?? '');
  const municipalityId = columns.municipalities[index] ?? null;
  const municipality = municipalityId
    ? dataset.vocab.municipalities.get(municipalityId)
    : undefined;
  const snippet = snippetAt(columns, index, lang);
  const description = snippet.text;
  const descriptionLang = snippet.lang !== lang ? snippet.lang : undefined;
  const aka = columns.aka[index] ?? '';
  return (
    <button
      type="button"
      className="actor-row"
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => selectActor(refAt(dataset, index), { moveMap: true })}
      onMouseEnter={() => setHovered(id)}
      onMouseLeave={() => setHovered(null)}
      onFocus={() => {
        onFocusRow(position);
        setHovered(id);
      }}
      onBlur={() => setHovered(null)}
      onKeyDown={onKeyDown}
    >
      {kind && <KindSymbol kind={kind} />}
      <span className="actor-row-text">
        <span className="actor-row-name">
          <Highlight text={columns.names[index] ?? ''} terms={terms} />
          {terms.length > 0 && aka && (
            <span className="actor-row-aka">
              {' '}
              (<Highlight text={aka} terms={terms} />)
            </span>
          )}
        </span>
        <span className="actor-row-meta">
          {label(kind?.label, lang)}
          {' · '}
          {municipality ? label(municipality.label, lang) : (municipalityId ?? t.noPlace)}
        </span>
        <span className="actor-row-description" lang={descriptionLang}>
          <Highlight text={description} terms={terms} />
        </span>
      </span>
    </button>
  );
});
