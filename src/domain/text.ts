/**
 * Text hygiene for strings that come from data.
 *
 * C0/C1 control characters and bidirectional overrides are removed: they can reorder what a reader
 * sees ("Right-to-left override" attacks) or break layout, and no name or description needs them.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;

export function sanitizeText(value: string): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}
