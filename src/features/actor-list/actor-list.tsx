import {
  memo,
  useCallback,
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
import { useRowWindow } from './use-row-window.ts';

interface ActorListProps {
  dataset: DatasetView;
  results: ResultSet;
  selectedId: string | null;
}

/** Rows rendered beyond each edge of the viewport, so a quick scroll does not show blanks. */
const OVERSCAN = 8;

/**
 * Every result, as buttons: the complete keyboard and screen-reader path (the map only adds to it).
 * Rows are virtualised so 100,000 actors cost what 30 do; they all have one height (name and
 * place on one line each, two lines of description), which makes the window arithmetic. The
 * list is one Tab stop; arrow keys,
 * Home, End, Page Up and Page Down move between rows (a roving tabindex), because rows outside
 * the window are not in the page to be tabbed to.
 */
export function ActorList({ dataset, results, selectedId }: ActorListProps) {
  const t = useMessages();
  const { order, terms } = results;
  // Typed text still waiting in the search box counts as on its way, as a computing result does.
  const searchPending = useUiStore((s) => s.searchPending);
  const busy = results.busy || searchPending;
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, order.length - 1));

  const {
    scroller,
    attachScroller,
    attachRuler,
    window: shown,
    rowHeight,
    totalHeight,
    pageRows,
    scrollToIndex,
  } = useRowWindow(order.length, OVERSCAN);

  // A selection made elsewhere (the map, a link) scrolls the list to its row.
  const selectedActor = selectedId ? dataset.indexOf.get(selectedId) : undefined;
  // A native scan, only while something is selected: cheaper than an actor → position table
  // rebuilt for every result set (a 100,000-entry array per filter click).
  const selectedPosition = useMemo(
    () => (selectedActor === undefined ? -1 : order.indexOf(selectedActor)),
    [order, selectedActor],
  );
  // The keyboard's place in the list follows a new selection (state adjusted during render, as
  // React recommends over an effect).
  const [followed, setFollowed] = useState(selectedPosition);
  if (followed !== selectedPosition) {
    setFollowed(selectedPosition);
    if (selectedPosition >= 0) setActive(selectedPosition);
  }
  useEffect(() => {
    if (selectedPosition >= 0) scrollToIndex(selectedPosition);
  }, [selectedPosition, scrollToIndex]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = scroller?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] button`);
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(order.length - 1, to));
    focusPending.current = true;
    setActive(next);
    scrollToIndex(next);
  };

  const keyDown = (e: KeyboardEvent) => {
    const page = pageRows;
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
  // The rows are memoised; a handler made anew at each render would re-render every one of them
  // whenever the list renders for another reason (the first key of a search turns it busy).
  const latestKeyDown = useRef(keyDown);
  useLayoutEffect(() => {
    latestKeyDown.current = keyDown;
  });
  const onKeyDown = useCallback((e: KeyboardEvent) => latestKeyDown.current(e), []);

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
        <div ref={attachScroller} className="actor-scroll">
          <p className="visually-hidden">{t.listKeyboardHelp}</p>
          <div ref={attachRuler} className="actor-row-ruler" aria-hidden="true" />
          {/* The rows are positioned absolutely inside a spacer as tall as all rows together. */}
          <ul className="actor-rows" style={{ height: totalHeight }}>
            {Array.from({ length: shown.end - shown.start }, (_, k) => {
              const position = shown.start + k;
              const actor = order[position] ?? 0;
              return (
                <li
                  key={actor}
                  data-index={position}
                  aria-setsize={order.length}
                  aria-posinset={position + 1}
                  style={{ transform: `translateY(${position * rowHeight}px)` }}
                >
                  <ActorRow
                    dataset={dataset}
                    index={actor}
                    position={position}
                    terms={terms}
                    selected={dataset.columns.ids[actor] === selectedId}
                    tabbable={position === activeIndex}
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
  const name = columns.names[index] ?? '';
  const place = municipality ? label(municipality.label, lang) : (municipalityId ?? t.noPlace);
  // The place first: when the line is cut, the kind is still told by the symbol beside it.
  const meta = `${place} · ${label(kind?.label, lang)}`;
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
        <span className="actor-row-name" title={aka ? `${name} (${aka})` : name}>
          <Highlight text={name} terms={terms} />
          {terms.length > 0 && aka && (
            <span className="actor-row-aka">
              {' '}
              (<Highlight text={aka} terms={terms} />)
            </span>
          )}
        </span>
        <span className="actor-row-meta" title={meta}>
          {meta}
        </span>
        <span className="actor-row-description" lang={descriptionLang}>
          <Highlight text={description} terms={terms} />
        </span>
      </span>
    </button>
  );
});
