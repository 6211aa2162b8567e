/**
 * The shareable state of the app and its URL form.
 *
 * `parseUrlState(search)` never throws: unknown, malformed, repeated or hostile parameters are
 * dropped or clamped, and each such decision is returned as a notice the UI can show.
 * `serializeUrlState(state)` writes a canonical query string that leaves defaults out, so that
 * serialize(parse(serialize(s))) === serialize(s).
 */
import { LANGS, type Lang } from '@/i18n/messages.ts';

export const FACETS = ['kind', 'sector', 'facility', 'programme', 'municipality'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Record<Facet, readonly string[]>;

export const SORTS = ['relevance', 'name', 'distance'] as const;
export type Sort = (typeof SORTS)[number];

/** What the sidebar shows beside the map: the list of actors or statistics about them. */
export const TABS = ['list', 'stats'] as const;
export type Tab = (typeof TABS)[number];

export interface MapViewState {
  longitude: number;
  latitude: number;
  zoom: number;
}

export interface UrlState {
  lang: Lang;
  /** Selected actor id. */
  actor: string | null;
  /** Programme whose view is open. */
  programme: string | null;
  view: MapViewState | null;
  q: string;
  filters: Filters;
  sort: Sort;
  /** "Search as I move the map": only actors in the current view. */
  inView: boolean;
  /** "As of year": show the ecosystem as it stood then. */
  year: number | null;
  /** Whether the ties of the open actor or programme are drawn on the map. */
  relations: boolean;
  tab: Tab;
  /** Embedded in another site's page: map and list without the surrounding chrome. */
  embed: boolean;
}

export type NoticeCode = 'unknown-param' | 'repeated-param' | 'invalid-value' | 'clamped';
export interface UrlNotice {
  code: NoticeCode;
  param: string;
}

export const EMPTY_FILTERS: Filters = {
  kind: [],
  sector: [],
  facility: [],
  programme: [],
  municipality: [],
};

export const DEFAULT_STATE: UrlState = {
  lang: 'sv',
  actor: null,
  programme: null,
  view: null,
  q: '',
  filters: EMPTY_FILTERS,
  sort: 'relevance',
  inView: false,
  year: null,
  relations: true,
  tab: 'list',
  embed: false,
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_Q = 200;
const MAX_VALUES = 50;
export const ZOOM_RANGE = [3, 14.5] as const;
export const YEAR_RANGE = [1800, 2100] as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Map views are rounded so that URLs stay short and round trips are exact. */
// "+ 0" turns -0 into 0, so a view at the meridian round-trips exactly.
const round = (v: number, digits: number) => Number(v.toFixed(digits)) + 0;

function parseView(value: string, notices: UrlNotice[]): MapViewState | null {
  const parts = value.split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) {
    notices.push({ code: 'invalid-value', param: 'map' });
    return null;
  }
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (![lon, lat, zoom].every(Number.isFinite)) {
    notices.push({ code: 'invalid-value', param: 'map' });
    return null;
  }
  const clamped = {
    longitude: round(clamp(lon, -180, 180), 5),
    latitude: round(clamp(lat, -85, 85), 5),
    zoom: round(clamp(zoom, ZOOM_RANGE[0], ZOOM_RANGE[1]), 2),
  };
  if (
    clamped.longitude !== round(lon, 5) ||
    clamped.latitude !== round(lat, 5) ||
    clamped.zoom !== round(zoom, 2)
  ) {
    notices.push({ code: 'clamped', param: 'map' });
  }
  return clamped;
}

export function parseUrlState(search: string): { state: UrlState; notices: UrlNotice[] } {
  const params = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  const seen = new Set<string>();
  const state: UrlState = { ...DEFAULT_STATE, filters: { ...EMPTY_FILTERS } };

  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const all = params.getAll(key);
    if (all.length > 1) notices.push({ code: 'repeated-param', param: key });
    // A repeated parameter keeps its first value: later copies are the usual sign of a bad link.
    const value = all[0] ?? '';

    if ((FACETS as readonly string[]).includes(key)) {
      const values = value.split(',').filter(Boolean);
      const valid = [...new Set(values.filter((v) => ID.test(v)))].slice(0, MAX_VALUES);
      if (valid.length !== values.length) notices.push({ code: 'invalid-value', param: key });
      state.filters = { ...state.filters, [key]: valid.sort() };
      continue;
    }
    switch (key) {
      case 'lang':
        if ((LANGS as readonly string[]).includes(value)) state.lang = value as Lang;
        else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'actor':
      case 'prog':
        if (ID.test(value)) {
          if (key === 'actor') state.actor = value;
          else state.programme = value;
        } else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'map':
        state.view = parseView(value, notices);
        break;
      case 'q': {
        const q = value.replace(/\s+/g, ' ').trim();
        if (q.length > MAX_Q) notices.push({ code: 'clamped', param: key });
        state.q = q.slice(0, MAX_Q);
        break;
      }
      case 'sort':
        if ((SORTS as readonly string[]).includes(value)) state.sort = value as Sort;
        else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'inview':
        if (value === '1') state.inView = true;
        else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'rel':
        if (value === '0') state.relations = false;
        else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'tab':
        if ((TABS as readonly string[]).includes(value)) state.tab = value as Tab;
        else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'embed':
        if (value === '1') state.embed = true;
        else notices.push({ code: 'invalid-value', param: key });
        break;
      case 'year': {
        const year = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
        if (Number.isInteger(year)) {
          const clamped = clamp(year, YEAR_RANGE[0], YEAR_RANGE[1]);
          if (clamped !== year) notices.push({ code: 'clamped', param: key });
          state.year = clamped;
        } else notices.push({ code: 'invalid-value', param: key });
        break;
      }
      default:
        notices.push({ code: 'unknown-param', param: key.slice(0, 40) });
    }
  }
  return { state, notices };
}

export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    const values = state.filters[facet];
    if (values.length > 0) params.set(facet, [...values].sort().join(','));
  }
  if (state.programme) params.set('prog', state.programme);
  if (state.year !== null) params.set('year', String(state.year));
  if (state.sort !== DEFAULT_STATE.sort) params.set('sort', state.sort);
  if (state.inView) params.set('inview', '1');
  if (!state.relations) params.set('rel', '0');
  if (state.tab !== DEFAULT_STATE.tab) params.set('tab', state.tab);
  if (state.embed) params.set('embed', '1');
  if (state.actor) params.set('actor', state.actor);
  if (state.view) {
    const { longitude, latitude, zoom } = state.view;
    params.set('map', `${round(longitude, 5)},${round(latitude, 5)},${round(zoom, 2)}`);
  }
  // Commas are safe in a query string and far easier to read in a shared link.
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
