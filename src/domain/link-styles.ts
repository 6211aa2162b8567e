/**
 * How each kind of tie is drawn: a colour and a dash pattern, so that the legend never relies on
 * colour alone. Relation types and programme roles map onto these few styles.
 */
export type LinkStyle =
  'owner' | 'funder' | 'partner' | 'host' | 'member' | 'project-owner' | 'uncertain';

export interface LinkStyleSpec {
  color: string;
  /** Dash pattern in line widths; empty for a solid line. */
  dash: readonly number[];
  width: number;
}

export const LINK_STYLES: Record<LinkStyle, LinkStyleSpec> = {
  owner: { color: '#9a3412', dash: [], width: 3 },
  'project-owner': { color: '#7c2d12', dash: [], width: 4 },
  funder: { color: '#a21caf', dash: [3, 1.5], width: 3 },
  partner: { color: '#1d4ed8', dash: [1, 1.5], width: 3 },
  host: { color: '#374151', dash: [], width: 2 },
  member: { color: '#047857', dash: [4, 2], width: 2.5 },
  uncertain: { color: '#6b7280', dash: [0.5, 2], width: 2 },
};

export const LINK_STYLE_ORDER: readonly LinkStyle[] = [
  'project-owner',
  'owner',
  'funder',
  'partner',
  'member',
  'host',
  'uncertain',
];

const BY_RELATION: Record<string, LinkStyle> = {
  'owned-by': 'owner',
  'funded-by': 'funder',
  'administered-by': 'funder',
  'partner-of': 'partner',
  'collaborates-with': 'partner',
  'hosted-at': 'host',
  'premises-from': 'host',
  'member-of': 'member',
  'part-of': 'member',
  'operated-by': 'member',
  'possibly-same-as': 'uncertain',
};

const BY_ROLE: Record<string, LinkStyle> = {
  owner: 'project-owner',
  funder: 'funder',
  partner: 'partner',
  host: 'host',
  member: 'member',
  participant: 'member',
  awardee: 'member',
};

export const relationStyle = (type: string): LinkStyle => BY_RELATION[type] ?? 'member';
export const roleStyle = (role: string): LinkStyle => BY_ROLE[role] ?? 'member';
