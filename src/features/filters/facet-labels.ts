import type { DatasetView } from '@/data/dataset-view.ts';
import type { Facet } from '@/domain/url-state.ts';
import { label } from '@/i18n/i18n.ts';
import type { Lang, Messages } from '@/i18n/messages.ts';

export const FACET_TITLE: Record<Facet, (t: Messages) => string> = {
  kind: (t) => t.facetKind,
  sector: (t) => t.facetSector,
  facility: (t) => t.facetFacility,
  programme: (t) => t.facetProgramme,
  municipality: (t) => t.facetMunicipality,
};

/** The reader-facing name of a facet value, from the dataset's vocabularies. */
export function facetValueLabel(
  dataset: Pick<DatasetView, 'vocab' | 'programmeById'>,
  facet: Facet,
  id: string,
  lang: Lang,
): string {
  const { vocab } = dataset;
  switch (facet) {
    case 'kind':
      return label(vocab.kinds.get(id)?.label, lang) || id;
    case 'sector':
      return label(vocab.sectors.get(id)?.label, lang) || id;
    case 'facility':
      return label(vocab.facilityTypes.get(id)?.label, lang) || id;
    case 'programme':
      return dataset.programmeById.get(id)?.name ?? id;
    case 'municipality':
      return label(vocab.municipalities.get(id)?.label, lang) || id;
  }
}
