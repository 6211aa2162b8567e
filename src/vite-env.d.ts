/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_DATA_URL?: string;
  readonly VITE_BASEMAP_STYLE_URL?: string;
  readonly VITE_MSW?: string;
}
