/**
 * The current language comes from the URL; strings from messages.ts; vocabulary labels from the
 * dataset with a fallback to Swedish (marked, so readers know the text is not in their language).
 */
import { useUrlState } from '@/app/url-store.ts';
import type { LocalizedText } from '@/data/schema.ts';
import { MESSAGES, type Lang, type Messages } from './messages.ts';

export function useLang(): Lang {
  return useUrlState((s) => s.lang);
}

export function useMessages(): Messages {
  return MESSAGES[useLang()];
}

export interface Localized {
  text: string;
  /** Set when the text is shown in another language than the UI's. */
  lang?: Lang;
}

export function localize(text: LocalizedText | undefined, lang: Lang): Localized {
  if (!text) return { text: '' };
  if (lang === 'en' && text.en) return { text: text.en };
  if (lang === 'en') return { text: text.sv, lang: 'sv' };
  return { text: text.sv };
}

export const label = (text: LocalizedText | undefined, lang: Lang): string =>
  localize(text, lang).text;

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
export const locale = (lang: Lang) => LOCALES[lang];

// Building a NumberFormat costs far more than using one, and facet counts format hundreds of
// numbers per render.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(n);
}

/** YYYY, YYYY-MM or YYYY-MM-DD, formatted to the precision it has. */
export function formatPartialDate(value: string, lang: Lang): string {
  const [y, m, d] = value.split('-').map(Number);
  if (!y) return value;
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  return new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric',
    month: 'long',
    ...(d ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}
