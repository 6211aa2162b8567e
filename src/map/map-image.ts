/**
 * A picture of the map as it is now, with a title, the legend and the data's attribution, as a
 * PNG the reader can put in a slide or a report.
 *
 * The map's WebGL canvas is copied inside a `render` event: the drawing buffer is intact until the
 * frame is handed to the compositor, so the map need not keep `preserveDrawingBuffer` (which
 * costs memory and speed on every frame) for a rare download.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { KindEntry } from '@/data/schema.ts';
import { COLOCATED_ICON, kindIcon } from '@/domain/places.ts';
import { BASEMAP_ATTRIBUTION } from './basemap-style.ts';
import { CLUSTER_COLOR } from './layers.ts';
import { markerFor } from './marker-images.ts';

let current: MapLibreMap | null = null;

/** The map view calls this on load and on unmount; there is one map on the page. */
export function registerMap(map: MapLibreMap | null): void {
  current = map;
}

export const hasMap = (): boolean => current !== null;

export interface MapImageOptions {
  title: string;
  /** Lines under the title: the selection, the date, the dataset's version. */
  lines: readonly string[];
  /** Kinds in the legend, in order, with their labels. */
  legend: readonly { kind: KindEntry; label: string }[];
  kinds: ReadonlyMap<string, KindEntry>;
  colocatedLabel: string;
  clusterLabel: string;
  /** Where the picture comes from (the app's address). */
  credit: string;
}

function captureCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')?.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** Plain text of the style's attributions (they may hold links). */
function attributionText(map: MapLibreMap): string {
  const parts = new Set<string>();
  for (const source of Object.values(map.getStyle()?.sources ?? {})) {
    const text = 'attribution' in source ? source.attribution : undefined;
    if (typeof text === 'string' && text) parts.add(text.replace(/<[^>]*>/g, '').trim());
  }
  return parts.size ? [...parts].join(' · ') : BASEMAP_ATTRIBUTION;
}

/** Splits text into lines that fit `width` pixels. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function markerCanvas(id: string, kinds: ReadonlyMap<string, KindEntry>, ratio: number) {
  const image = markerFor(id, kinds, ratio);
  if (!image) return null;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  canvas
    .getContext('2d')
    ?.putImageData(
      new ImageData(new Uint8ClampedArray(image.data), image.width, image.height),
      0,
      0,
    );
  return canvas;
}

export async function renderMapImage(options: MapImageOptions): Promise<Blob> {
  const map = current;
  if (!map) throw new Error('no map to draw');
  const shot = await captureCanvas(map);
  const ratio = shot.width / Math.max(1, map.getCanvas().clientWidth);
  const pad = 16 * ratio;
  const width = shot.width;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  const font = (size: number, weight = 400) =>
    `${weight} ${size * ratio}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

  // Lay out the text first, to know how tall the picture is.
  measure.font = font(14);
  const lineHeight = 19 * ratio;
  const headerLines = options.lines.flatMap((l) => wrap(measure, l, width - 2 * pad));
  const headerHeight = pad + 26 * ratio + headerLines.length * lineHeight + pad / 2;

  const entries = [
    ...options.legend.map((e) => ({ id: kindIcon(e.kind.id), label: e.label })),
    { id: COLOCATED_ICON, label: options.colocatedLabel },
    { id: 'cluster', label: options.clusterLabel },
  ];
  measure.font = font(13);
  const swatch = 22 * ratio;
  const gap = 18 * ratio;
  const rowHeight = 26 * ratio;
  const placed: { x: number; y: number; id: string; label: string }[] = [];
  let x = pad;
  let y = 0;
  for (const entry of entries) {
    const w = swatch + 6 * ratio + measure.measureText(entry.label).width;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += rowHeight;
    }
    placed.push({ x, y, ...entry });
    x += w + gap;
  }
  const legendHeight = pad / 2 + y + rowHeight + pad / 2;
  measure.font = font(11);
  const footer = [
    ...wrap(measure, attributionText(map), width - 2 * pad),
    ...wrap(measure, options.credit, width - 2 * pad),
  ];
  const footerHeight = footer.length * 15 * ratio + pad;

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.round(headerHeight + shot.height + legendHeight + footerHeight);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';

  ctx.fillStyle = '#1f2328';
  ctx.font = font(20, 700);
  ctx.fillText(options.title, pad, pad);
  ctx.font = font(14);
  ctx.fillStyle = '#57606a';
  headerLines.forEach((l, i) => ctx.fillText(l, pad, pad + 26 * ratio + i * lineHeight));

  ctx.drawImage(shot, 0, headerHeight);
  ctx.strokeStyle = '#d0d7de';
  ctx.lineWidth = ratio;
  ctx.strokeRect(0, headerHeight, width, shot.height);

  const legendTop = headerHeight + shot.height + pad / 2;
  ctx.font = font(13);
  ctx.fillStyle = '#1f2328';
  for (const entry of placed) {
    const top = legendTop + entry.y;
    if (entry.id === 'cluster') {
      ctx.beginPath();
      ctx.arc(entry.x + swatch / 2, top + swatch / 2, swatch / 2 - ratio, 0, 2 * Math.PI);
      ctx.fillStyle = CLUSTER_COLOR;
      ctx.fill();
      ctx.fillStyle = '#1f2328';
    } else {
      const icon = markerCanvas(entry.id, options.kinds, ratio);
      if (icon) ctx.drawImage(icon, entry.x, top, swatch, swatch);
    }
    ctx.fillText(entry.label, entry.x + swatch + 6 * ratio, top + 4 * ratio);
  }

  ctx.font = font(11);
  ctx.fillStyle = '#57606a';
  const footerTop = legendTop + legendHeight - pad / 2;
  footer.forEach((l, i) => ctx.fillText(l, pad, footerTop + i * 15 * ratio));

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}
