import { useEffect, useId, useRef, useState } from 'react';
import { useUiStore } from '@/app/ui-store.ts';
import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { useMessages } from '@/i18n/i18n.ts';

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * How long the box waits for the next keystroke before it hands the text on. Every hand-over
 * re-renders the whole app (the URL is its state); per keystroke that took 10–25 ms of the key's
 * own handling, so a fast typist's keys are gathered and only each pause is searched.
 */
export const SEARCH_PAUSE_MS = 150;

/**
 * The search box. What is typed shows at once; the URL (normalised) follows after a short pause,
 * with replaceState, so typing never floods the history. Back or Forward to another search
 * updates the box.
 */
export function SearchBox() {
  const t = useMessages();
  const id = useId();
  const q = useUrlState((s) => s.q);
  const [text, setText] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  const setPending = useUiStore((s) => s.setSearchPending);
  const timer = useRef<number | undefined>(undefined);
  const cancel = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      setPending(false);
    },
    [setPending],
  );
  if (q !== syncedQ) {
    // The URL changed from outside (history navigation, a cleared filter): adopt it.
    setSyncedQ(q);
    if (normalize(text) !== q) setText(q);
  }
  return (
    <div className="search-box" role="search">
      <label htmlFor={id}>{t.searchLabel}</label>
      <div className="search-field">
        <input
          id={id}
          type="search"
          value={text}
          placeholder={t.searchPlaceholder}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => {
            const value = e.target.value;
            setText(value);
            cancel();
            setPending(true);
            timer.current = window.setTimeout(() => {
              timer.current = undefined;
              setSyncedQ(normalize(value));
              setPending(false);
              setUrlState({ q: value }, 'replace');
            }, SEARCH_PAUSE_MS);
          }}
        />
        {text && (
          <button
            type="button"
            className="icon-button"
            aria-label={t.clearSearch}
            onClick={() => {
              cancel();
              setPending(false);
              setText('');
              setSyncedQ('');
              setUrlState({ q: '' }, 'push');
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="hint">
        {t.searchHint}
      </p>
    </div>
  );
}
