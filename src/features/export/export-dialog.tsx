/**
 * "Download what is shown": the result set as CSV or GeoJSON, the relations among it as a CSV
 * edge list, and a picture of the map. The files are written by the data backend (in its worker),
 * from the same request the list answers, so they hold exactly the rows the reader sees.
 */
import { useState } from 'react';
import { useResultRequest } from '@/app/use-results.ts';
import { useUiStore } from '@/app/ui-store.ts';
import { getUrlState } from '@/app/url-store.ts';
import type { ExportFormat } from '@/data/backend.ts';
import { getBackend } from '@/data/create-backend.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import {
  describeSelection,
  exportFileName,
  type ExportSelection,
} from '@/domain/export/provenance.ts';
import { serializeUrlState } from '@/domain/url-state.ts';
import { formatNumber, formatPartialDate, label, useLang, useMessages } from '@/i18n/i18n.ts';
import { hasMap, renderMapImage } from '@/map/map-image.ts';
import { Dialog } from '@/ui/dialog.tsx';
import { download } from './download.ts';

type Job = ExportFormat | 'image';

/** The address of the current view, without the embed flag: the full app. */
function appLink(): string {
  return `${window.location.origin}${window.location.pathname}${serializeUrlState({ ...getUrlState(), embed: false })}`;
}

function selectionNow(): ExportSelection {
  const s = getUrlState();
  return { q: s.q, filters: s.filters, year: s.year, inView: s.inView, link: appLink() };
}

interface ExportButtonProps {
  dataset: DatasetView;
  /** The result set, in list order. */
  order: Uint32Array;
}

export function ExportButton({ dataset, order }: ExportButtonProps) {
  const shown = order.length;
  const t = useMessages();
  const lang = useLang();
  const announce = useUiStore((s) => s.announce);
  const { request } = useResultRequest();
  const [open, setOpen] = useState(false);
  const [working, setWorking] = useState<Job | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string; about: string[] } | null>(null);

  const run = async (job: Job) => {
    setWorking(job);
    setResult(null);
    try {
      const exportedAt = new Date();
      const selection = selectionNow();
      if (job === 'image') {
        // The legend names the kinds on the picture, not every kind in the dataset.
        const shownKinds = new Set<string>();
        for (const i of order) shownKinds.add(dataset.columns.kinds[i] ?? '');
        const kinds = dataset.vocabularies.kinds.filter((k) => shownKinds.has(k.id));
        const clauses = describeSelection(selection, dataset, lang);
        const blob = await renderMapImage({
          title: t.exportImageTitle(formatPartialDate(exportedAt.toISOString().slice(0, 10), lang)),
          lines: [
            ...(clauses.length ? [clauses.join(' · ')] : []),
            `${t.resultsCount(formatNumber(shown, lang), formatNumber(dataset.actorCount, lang))} · ${dataset.metadata.title} ${dataset.metadata.version}`,
          ],
          legend: kinds.map((kind) => ({ kind, label: label(kind.label, lang) })),
          kinds: dataset.vocab.kinds,
          colocatedLabel: t.legendColocated,
          clusterLabel: t.legendCluster,
          credit: `${dataset.metadata.citation} ${appLink()}`,
        });
        const name = exportFileName({ lookups: dataset, selection, lang, exportedAt }, 'png');
        download(name, blob, 'image/png');
        setResult({ ok: true, text: t.exportDone(name), about: [] });
        announce(t.exportDone(name));
        return;
      }
      const file = await getBackend().exportFile({
        format: job,
        request,
        selection,
        lang,
        exportedAt,
        appUrl: `${window.location.origin}${window.location.pathname}`,
      });
      download(file.fileName, file.text, file.mimeType);
      setResult({ ok: true, text: t.exportDone(file.fileName), about: file.provenanceLines });
      announce(t.exportDone(file.fileName));
    } catch (error) {
      console.warn('export failed', error);
      setResult({ ok: false, text: t.exportFailed, about: [] });
      announce(t.exportFailed);
    } finally {
      setWorking(null);
    }
  };

  const jobs: { job: Job; text: string }[] = [
    { job: 'csv', text: t.exportCsv },
    { job: 'geojson', text: t.exportGeoJson },
    { job: 'relations', text: t.exportRelations },
    { job: 'image', text: t.exportImage },
  ];

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t.exportOpen}
      </button>
      <Dialog open={open} title={t.exportTitle} closeLabel={t.close} onClose={() => setOpen(false)}>
        <p>{t.exportIntro(formatNumber(shown, lang))}</p>
        <ul className="export-jobs">
          {jobs.map(({ job, text }) => {
            const unavailable = job === 'image' && !hasMap();
            return (
              <li key={job}>
                <button
                  type="button"
                  className="button"
                  disabled={working !== null || unavailable}
                  aria-describedby={unavailable ? 'export-image-unavailable' : undefined}
                  onClick={() => void run(job)}
                >
                  {text}
                </button>
                {unavailable && (
                  <span id="export-image-unavailable" className="muted">
                    {' '}
                    {t.exportImageUnavailable}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <p role="status" className={result && !result.ok ? 'status status-error' : undefined}>
          {working ? t.exportWorking : (result?.text ?? '')}
        </p>
        {result && result.about.length > 0 && (
          <details className="export-about">
            <summary>{t.exportAbout}</summary>
            <ul>
              {result.about.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        )}
        <p className="muted">
          {dataset.metadata.licence}. {dataset.metadata.citation}
        </p>
      </Dialog>
    </>
  );
}
