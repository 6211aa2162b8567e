/**
 * Build-time configuration (see README, "Configuration"). Both are read once, here.
 * - VITE_DATA_URL: where the dataset is fetched from; default: the file served with the app.
 * - VITE_BASEMAP_STYLE_URL: an optional online MapLibre style; the embedded basemap is the default
 *   and takes over whenever the online one fails.
 */
export const config = {
  dataUrl: import.meta.env.VITE_DATA_URL || `${import.meta.env.BASE_URL}data/aktorskartan.geojson`,
  onlineStyleUrl: (import.meta.env.VITE_BASEMAP_STYLE_URL as string | undefined) || undefined,
} as const;
