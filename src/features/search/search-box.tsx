import { useId, useState } from 'react';
import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { useMessages } from '@/i18n/i18n.ts';

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The search box. What is typed shows at once; the URL (normalised) follows with replaceState,
 * so typing never floods the history. Back or Forward to another search updates the box.
 */
export function SearchBox() {
  const t = useMessages();
  const id = useId();
  const q = useUrlState((s) => s.q);
  const [text, setText] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
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
            setText(e.target.value);
            setSyncedQ(normalize(e.target.value));
            setUrlState({ q: e.target.value }, 'replace');
          }}
        />
        {text && (
          <button
            type="button"
            className="icon-button"
            aria-label={t.clearSearch}
            onClick={() => {
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
