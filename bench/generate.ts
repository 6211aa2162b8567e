/**
 * Seeded synthetic datasets for benchmarks and load tests. The actors are invented, so they live
 * here and in test fixtures only; they never enter data/.
 *
 * Realistic shape: Zipf-distributed sectors and municipalities, 0–4 programmes per actor, Nordic
 * names with å ä ö ø æ, 30-word descriptions, points over Sweden.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import facilityTypes from '../data/vocabularies/facility-types.json';
import kinds from '../data/vocabularies/kinds.json';
import programmeRoles from '../data/vocabularies/programme-roles.json';
import relationTypes from '../data/vocabularies/relation-types.json';
import sectors from '../data/vocabularies/sectors.json';

/** mulberry32: small, fast and good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples index k of n with probability ∝ 1/(k+1)^s. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = [
  'sö',
  'dä',
  'lje',
  'ås',
  'ör',
  'by',
  'berg',
  'vik',
  'ø',
  'strøm',
  'ær',
  'holm',
  'sund',
  'å',
  'mö',
  'lund',
  'fors',
  'hed',
  'näs',
  'gård',
  'kär',
  'fjäll',
  'bø',
  'dal',
];
const SUFFIXES = [
  'AB',
  'Lab',
  'Bio',
  'Science',
  'Medical',
  'Tech',
  'Innovation',
  'Instituttet',
  'Centrum',
  'Park',
  'Therapeutics',
  'Analys',
];
const WORDS =
  'forskning utveckling cell analys tillverkning läkemedel diagnostik plattform samverkan klinisk prövning biobank sekvensering mikroskopi testbädd inkubator rådgivning produktion hållbar digital data modell protein antikropp vaccin robot sensor material energi vatten miljö hälsa vård ålder gen terapi bildanalys kemi fysik molekyl struktur process kvalitet validering säkerhet ørsted kjøbenhavn æble'.split(
    ' ',
  );

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function nordicWord(random: () => number, parts = 2 + Math.floor(random() * 2)): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += pick(SYLLABLES, random);
  return cap(w);
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  municipalities?: number;
  programmes?: number;
}

/** A complete dataset file (the format the app fetches), with its own vocabularies. */
export function generateDataset(options: GenerateOptions) {
  const { envelope, features } = generateParts(options);
  return { ...envelope, features: [...features] };
}

/**
 * Writes a dataset file a feature at a time: a million actors (about 1.1 GB) are more than one
 * JavaScript string can hold. The same content, byte for byte, as JSON.stringify(generateDataset).
 */
export function writeDatasetFile(path: string, options: GenerateOptions): void {
  const { envelope, features } = generateParts(options);
  const fd = openSync(path, 'w');
  try {
    const head = JSON.stringify({ ...envelope, features: [] });
    writeSync(fd, head.slice(0, -2));
    let batch: string[] = [];
    let first = true;
    const flush = () => {
      if (batch.length === 0) return;
      writeSync(fd, (first ? '' : ',') + batch.join(','));
      first = false;
      batch = [];
    };
    for (const feature of features) {
      batch.push(JSON.stringify(feature));
      if (batch.length === 2000) flush();
    }
    flush();
    writeSync(fd, ']}');
  } finally {
    closeSync(fd);
  }
}

function generateParts({
  count,
  seed = 1,
  municipalities = 290,
  programmes = 60,
}: GenerateOptions) {
  const random = rng(seed);
  const sectorOf = zipf(sectors.length, 1.1, random);
  const municipalityOf = zipf(municipalities, 1.0, random);
  const kindOf = zipf(kinds.length, 0.9, random);
  const facilityOf = zipf(facilityTypes.length, 1.0, random);
  const programmeOf = zipf(programmes, 1.0, random);

  const municipalityEntries = Array.from({ length: municipalities }, (_, i) => {
    const name = nordicWord(random);
    return {
      id: `kommun-${i}`,
      code: String(1000 + i).padStart(4, '0'),
      label: { sv: name, en: name },
      county: 'Syntetiska län',
      // Southern and central Sweden, where most people (and actors) are.
      centre: [11.5 + random() * 8.5, 55.5 + random() * 8.5],
      sources: ['synthetic'],
    };
  });
  const programmeEntries = Array.from({ length: programmes }, (_, i) => ({
    id: `program-${i}`,
    name: `Program ${nordicWord(random)}`,
    type: 'programme',
    description: { sv: 'Syntetiskt program.', en: 'Synthetic programme.' },
    period: { start: 2000 + Math.floor(random() * 20), end: null, ongoing: true },
    sources: ['synthetic'],
  }));

  function* features() {
    for (let i = 0; i < count; i++) yield feature(i);
  }
  const feature = (i: number) => {
    const m = municipalityEntries[municipalityOf()]!;
    const [clon, clat] = m.centre as [number, number];
    const coordinates: [number, number] = [
      Number((clon + (random() - 0.5) * 0.3).toFixed(5)),
      Number((clat + (random() - 0.5) * 0.2).toFixed(5)),
    ];
    const id = `actor-${i}`;
    const nSectors = 1 + Math.floor(random() * 3);
    const actorSectors = [
      ...new Set(Array.from({ length: nSectors }, () => sectors[sectorOf()]!.id)),
    ];
    const actorFacilities =
      random() < 0.6
        ? [...new Set([facilityTypes[facilityOf()]!.id, facilityTypes[facilityOf()]!.id])]
        : [];
    const nProgrammes = Math.floor(random() * 5);
    const roles = [
      ...new Set(Array.from({ length: nProgrammes }, () => programmeEntries[programmeOf()]!.id)),
    ].map((p) => ({
      programme: p,
      role: pick(programmeRoles, random).id,
      sources: ['synthetic'],
    }));
    const description = Array.from({ length: 30 }, () => pick(WORDS, random)).join(' ');
    const relations =
      i > 0 && random() < 0.3
        ? [
            {
              type: pick(relationTypes, random).id,
              target: `actor-${Math.floor(random() * i)}`,
              sources: ['synthetic'],
            },
          ]
        : [];
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates },
      properties: {
        id,
        name: `${nordicWord(random)} ${pick(SUFFIXES, random)}`,
        shortNames: random() < 0.2 ? [nordicWord(random, 1).toUpperCase().slice(0, 4)] : [],
        kind: kinds[kindOf()]!.id,
        sectors: actorSectors,
        facilityTypes: actorFacilities,
        description: { sv: cap(description), en: cap(description) },
        programmes: roles,
        relations,
        sources: ['synthetic'],
        lastVerified: '2026-01-01',
        location: {
          municipality: m.id,
          precision: 'site',
          sources: [],
          pointSources: ['synthetic'],
        },
      },
    };
  };

  const envelope = {
    type: 'FeatureCollection',
    metadata: {
      title: `Synthetic benchmark dataset (${count} actors, seed ${seed})`,
      version: 'synthetic',
      updated: '2026-01-01',
      licence: 'Synthetic test data',
      citation: 'Generated by bench/generate.ts',
    },
    vocabularies: {
      kinds,
      sectors,
      facilityTypes,
      relationTypes,
      programmeRoles,
      municipalities: municipalityEntries,
    },
    programmes: programmeEntries,
    sources: [
      {
        id: 'synthetic',
        title: 'Synthetic',
        publisher: 'bench/generate.ts',
        date: null,
        type: 'report',
      },
    ],
  };
  return { envelope, features: features() };
}
