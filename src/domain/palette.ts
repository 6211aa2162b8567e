/**
 * Colours of the embedded basemap. The data check measures marker colours against LAND, and the
 * map style draws with these, so the two cannot drift apart.
 */
export const PALETTE = {
  water: '#aacbe3',
  land: '#f3f0e8',
  landOutline: '#c9c2b0',
  placeLabel: '#3b3a36',
  placeHalo: '#ffffff',
  markerOutline: '#1f2328',
  markerHalo: '#ffffff',
} as const;

/** Minimum contrast for graphical objects (WCAG 2.2, 1.4.11 Non-text Contrast). */
export const MIN_GRAPHIC_CONTRAST = 3;
