/**
 * Builds every release artifact in memory from validated data, then checks
 * the bundle again (JSON Schema against data, CSV row counts, GeoJSON shape)
 * before anything is written.
 */
import { collections } from '../../schemas/index.js';
import { bibtex, cslJson } from './citation-formats.js';
import { countCsvRecords, toCsv } from './csv.js';
import type { Dataset } from './dataset.js';
import { dataPackage, type PackageMeta } from './datapackage.js';
import { stationsGeoJson } from './geojson.js';
import { checkSchemas, generateSchemas } from './json-schema.js';
import { packageEntryFiles, schemaEntryFiles } from './package-entry.js';
import { releaseDocuments } from './release-docs.js';
import { formatTableProblem, tableProblems } from './table-checks.js';
import { ListCellError } from './table-fields.js';
import { tables } from './tables.js';

export interface Bundle {
  files: Map<string, Buffer>;
  /** Rows per CSV table. */
  rows: Map<string, number>;
  /** Seconds per stage, for the benchmark. */
  timings: Record<string, number>;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function buildBundle(data: Dataset, meta: PackageMeta, compiledSchemasDir: string): Bundle {
  const files = new Map<string, Buffer>();
  const rows = new Map<string, number>();
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + (performance.now() - start) / 1000;
    }
  };

  const tableChecks = time('csv', () => tableProblems(data));
  if (tableChecks.length) throw new BundleError(tableChecks.map(formatTableProblem));

  const schemas = time('json-schema', () => generateSchemas(meta.version));
  // One compact serialisation per collection serves both dist/data/*.json and the package entry.
  const compact = time('json', () => {
    const texts = new Map<string, string>();
    for (const c of collections) {
      const text = JSON.stringify(data[c.name]);
      texts.set(c.name, text);
      files.set(`data/${c.name}.json`, Buffer.from(text + '\n'));
    }
    return texts;
  });
  time('json-schema', () => {
    for (const [name, schema] of schemas) files.set(`schema/${name}.schema.json`, json(schema));
  });
  time('csv', () => {
    for (const t of tables) {
      let tableRows;
      try {
        tableRows = t.rows(data);
      } catch (error) {
        if (error instanceof ListCellError) throw new BundleError([`csv/${t.name}.csv: ${error.message}`]);
        throw error;
      }
      rows.set(t.name, tableRows.length);
      const bytes = Buffer.from(toCsv(t, tableRows));
      files.set(`csv/${t.name}.csv`, bytes);
      files.set(`csv-excel/${t.name}.csv`, Buffer.concat([BOM, bytes]));
    }
  });
  time('geojson', () => files.set('stations.geojson', json(stationsGeoJson(data.stations))));
  time('citations', () => {
    files.set('sources.csl.json', json(cslJson(data.sources)));
    files.set('sources.bib', Buffer.from(bibtex(data.sources)));
  });
  time('package-entry', () => {
    for (const [path, bytes] of packageEntryFiles(compact, data)) files.set(path, bytes);
    for (const [path, bytes] of schemaEntryFiles(compiledSchemasDir)) files.set(path, bytes);
  });

  time('documents', () => {
    for (const [path, bytes] of releaseDocuments()) files.set(path, bytes);
  });

  // Last, so that it can describe every other file of the bundle.
  time('datapackage', () => files.set('datapackage.json', json(dataPackage(meta, tables, files))));

  const problems = time('bundle-check', () => checkBundle(files, rows, schemas, data));
  if (problems.length) throw new BundleError(problems);
  return { files, rows, timings };
}

/**
 * Adds files built outside `buildBundle` (the workbook and the database, built
 * in workers) and writes datapackage.json again so that it describes them.
 */
export function addToBundle(bundle: Bundle, extra: ReadonlyMap<string, Buffer>, meta: PackageMeta): void {
  for (const [path, bytes] of extra) bundle.files.set(path, bytes);
  bundle.files.set('datapackage.json', json(dataPackage(meta, tables, bundle.files)));
}

export class BundleError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function checkBundle(files: Map<string, Buffer>, rows: Map<string, number>, schemas: ReturnType<typeof generateSchemas>, data: Dataset): string[] {
  const problems = checkSchemas(schemas, data as unknown as Record<string, unknown[]>);
  for (const t of tables) {
    const text = files.get(`csv/${t.name}.csv`)!.toString('utf8');
    if (text.slice(0, text.indexOf('\r\n')) !== t.fields.map((f) => f.name).join(',')) problems.push(`csv/${t.name}.csv: the header does not match the declared fields`);
    const read = countCsvRecords(text) - 1;
    if (read !== rows.get(t.name)) problems.push(`csv/${t.name}.csv: ${read} rows read back, ${rows.get(t.name)} written`);
  }
  const geo = JSON.parse(files.get('stations.geojson')!.toString()) as { features: Array<{ geometry: { coordinates: [number, number] } }> };
  for (const f of geo.features) {
    const [lon, lat] = f.geometry.coordinates;
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) problems.push(`stations.geojson: coordinates out of range ${lon},${lat}`);
  }
  return problems;
}
