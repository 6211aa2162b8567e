import { setUrlState } from '@/app/url-store.ts';
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
