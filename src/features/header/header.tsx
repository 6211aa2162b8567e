import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { serializeUrlState } from '@/domain/url-state.ts';
import { useMessages } from '@/i18n/i18n.ts';
import type { Lang } from '@/i18n/messages.ts';

export function Header() {
  const t = useMessages();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t.appTitle}</h1>
        <p className="tagline">{t.appTagline}</p>
      </div>
      <nav className="header-links" aria-label={t.siteLinks}>
        <a
          href={`${import.meta.env.BASE_URL}accessibility.html${t.switchToLang === 'sv' ? '#en' : ''}`}
        >
          {t.accessibility}
        </a>
      </nav>
      <button
        type="button"
        className="button button-quiet"
        lang={t.switchToLang}
        onClick={() => setUrlState((s) => ({ ...s, lang: t.switchToLang as Lang }), 'replace')}
      >
        {t.switchTo}
      </button>
    </header>
  );
}

/**
 * The header inside a partner's page: the name, and a way out to the full map with the same
 * view (in a new tab, so the partner's page stays where it was).
 */
export function EmbedHeader() {
  const t = useMessages();
  const state = useUrlState((s) => s);
  const full = `${window.location.pathname}${serializeUrlState({ ...state, embed: false })}`;
  return (
    <header className="app-header embed-header">
      <h1>{t.appTitle}</h1>
      <a className="embed-full-link" href={full} target="_blank" rel="noopener">
        {t.embedFullMap}
        <span className="visually-hidden"> {t.opensInNewTab}</span>
      </a>
    </header>
  );
}
