/**
 * The downloads page: every release file with what it holds (the description
 * from datapackage.json where it has one), its format and size; the archive,
 * workbook, database and overview tables first.
 */
import { copyBlock, datasetBibtex, datasetText, type DatasetCitation } from './cite.js';
import { esc, type Page } from './html.js';

export interface Download {
  /** Path below the site root: `downloads/csv/stations.csv`. */
  path: string;
  bytes: number;
}

interface Resource {
  path?: string;
  description?: string;
  title?: string;
  format?: string;
}

export const humanSize = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

const FORMATS: Array<[RegExp, string]> = [
  [/\.zip$/, 'ZIP archive'],
  [/\.xlsx$/, 'Excel workbook (XLSX)'],
  [/\.sqlite$/, 'SQLite database'],
  [/^csv-excel\/.*\.csv$/, 'CSV for Excel'],
  [/\.csv$/, 'CSV'],
  [/\.schema\.json$/, 'JSON Schema'],
  [/\.csl\.json$/, 'CSL-JSON'],
  [/\.geojson$/, 'GeoJSON'],
  [/\.bib$/, 'BibTeX'],
  [/\.json$/, 'JSON'],
  [/\.d\.ts$/, 'TypeScript declarations'],
  [/\.md$/, 'Markdown'],
  [/\.cff$/, 'Citation File Format (YAML)'],
  [/^LICENSE/, 'Plain text'],
  [/\.js$/, 'JavaScript module'],
];
export const formatOf = (file: string): string => FORMATS.find(([re]) => re.test(file))?.[1] ?? (file.split('.').pop() ?? '').toUpperCase();

/** Descriptions of the files that datapackage.json does not describe. */
function describe(file: string, resources: Map<string, Resource>): string {
  const resource = resources.get(file);
  if (resource?.description) return resource.description;
  let m: RegExpMatchArray | null;
  if ((m = file.match(/^csv-excel\/(.+)$/))) {
    const base = resources.get(`csv/${m[1]}`)?.description;
    return `${base ? `${base} ` : ''}The same table as csv/${m[1]}, with a byte-order mark and CRLF line ends so that Excel opens it correctly.`;
  }
  if ((m = file.match(/^data\/(\w+)\.json$/))) return `Every ${m[1]} record as validated JSON, nested as in the source files; the most complete form of the collection.`;
  if ((m = file.match(/^schema\/(\w+)\.schema\.json$/))) return `JSON Schema (2020-12) of one ${m[1]} record, with every field and vocabulary described.`;
  if (file.endsWith('.zip')) return 'Everything on this page in one archive.';
  const fixed: Record<string, string> = {
    'datapackage.json': 'Frictionless Data Package descriptor: every CSV table with its fields, types, keys and licence.',
    'stations.geojson': 'The stations with a known city or region as points (city-level only, never an address), with their status.',
    'sources.bib': 'Every cited source as a BibTeX entry, keyed by the source id the records cite.',
    'sources.csl.json': 'Every cited source as CSL-JSON (Zotero, Pandoc), keyed by the source id.',
    'metadata.json': 'Datasette metadata for the SQLite database: titles, descriptions, licence and source.',
    'overseas-police-stations.xlsx': 'The overview tables and every CSV table as sheets of one workbook.',
    'overseas-police-stations.sqlite': 'Every table in one SQLite database, with keys between tables.',
    'README.md': 'What the dataset holds and how to use it: quick starts for spreadsheets, code and citing.',
    LICENSE: 'The licences: MIT for the code, CC BY 4.0 for the data.',
    'CITATION.cff': 'How to cite the dataset, in the Citation File Format (GitHub’s “Cite this repository” reads it).',
    'CHANGELOG.md': 'What changed in each release.',
    'docs/METHODOLOGY.md': 'How records are chosen, worded and checked; the vocabularies and the evidence each status requires (also on the About page).',
    'docs/data-dictionary.md': 'Every field of every record and table, with its type and meaning.',
    'docs/coverage.md': 'The station register against every published count, per country, city, bureau and reporter.',
    'docs/BENCHMARKS.md': 'How fast the build runs at 1,000 to 100,000 records per collection.',
  };
  if ((m = file.match(/^docs\/(.+)\.md$/))) return fixed[file] ?? `Project documentation: ${m[1]}.`;
  return fixed[file] ?? '';
}

const FIRST = [/\.zip$/, /\.xlsx$/, /\.sqlite$/, /^csv\/[\w-]+-overview\.csv$/];
const rank = (file: string) => {
  const i = FIRST.findIndex((re) => re.test(file));
  return i < 0 ? FIRST.length : i;
};

export function downloadsPage(downloads: readonly Download[], datapackage: { resources?: Resource[] }, citation: DatasetCitation): Page {
  const resources = new Map((datapackage.resources ?? []).filter((r) => r.path).map((r) => [r.path!, r]));
  const files = downloads.map((d) => ({ ...d, file: d.path.replace(/^downloads\//, '') })).sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  const first = files.filter((f) => rank(f.file) < FIRST.length);
  const rest = files.filter((f) => rank(f.file) >= FIRST.length);
  const item = (f: (typeof files)[number]) =>
    `<li><a href="${esc(f.path)}" download>${esc(f.file)}</a> <span class="meta">${esc(formatOf(f.file))} · ${humanSize(f.bytes)}</span><br><span class="description">${esc(describe(f.file, resources))}</span></li>`;
  const groups: Array<[string, typeof files]> = [
    ['Start here', first],
    ['Tables (CSV)', rest.filter((f) => f.file.startsWith('csv/'))],
    ['Tables for Excel', rest.filter((f) => f.file.startsWith('csv-excel/'))],
    ['Records (JSON) and schemas', rest.filter((f) => /^(data|schema)\//.test(f.file))],
    ['Documentation', rest.filter((f) => /^(docs\/|README|LICENSE|CHANGELOG|CITATION)/.test(f.file))],
    ['Other formats', rest.filter((f) => !/^(csv|csv-excel|data|schema|docs)\//.test(f.file) && !/^(README|LICENSE|CHANGELOG|CITATION)/.test(f.file))],
  ];
  const body = `<h1>Downloads</h1>
<p>Release ${esc(citation.version)}. Each file says what it holds; the tables are described field by field in datapackage.json and the data dictionary.</p>
${groups.filter(([, list]) => list.length).map(([title, list]) => `<h2>${esc(title)}</h2>\n<ul class="downloads">${list.map(item).join('\n')}</ul>`).join('\n')}
<h2>How to cite the dataset</h2>
${copyBlock('cite-text', 'Plain text', datasetText(citation))}
${copyBlock('cite-bibtex', 'BibTeX', datasetBibtex(citation))}`;
  return { path: 'downloads.html', title: 'Downloads and citation', body };
}
