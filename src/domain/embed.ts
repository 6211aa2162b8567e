/**
 * The iframe a partner site pastes to show a slice of the map: the current search, filters and
 * view, in embed mode. Pure, so the escaping can be tested: the URL goes into an attribute.
 */
import { serializeUrlState, type UrlState } from './url-state.ts';

export function embedUrl(appUrl: string, state: UrlState): string {
  // The embed shows map and list; a programme or statistics view belongs to the full map.
  const embedded: UrlState = { ...state, embed: true, tab: 'list', programme: null };
  return `${appUrl}${serializeUrlState(embedded)}`;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedCode(src: string, title: string, height = 560): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
