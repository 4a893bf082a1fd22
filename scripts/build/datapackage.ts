/**
 * The Frictionless Data Package descriptor (v2, `$schema`): every CSV table as a
 * tabular resource with its Table Schema, list cells as v2 `list` fields, and
 * the other release files (workbook, database, GeoJSON, citations) as plain
 * resources when the bundle holds them. v1 readers, which know no `list` type,
 * cannot validate it: they read list cells as strings only after the `list`
 * fields are downgraded (as tests/helpers/datapackage-v1.ts does).
 */
import { createHash } from 'node:crypto';
import { LIST_SEPARATOR, type Field, type Table } from './tables.js';

export interface PackageMeta {
  name: string;
  version: string;
  title: string;
  description: string;
  homepage?: string;
  keywords: string[];
  sources: Array<{ title: string; path: string }>;
}

function tableSchemaField(f: Field) {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints.required = true;
  if (f.unique) constraints.unique = true;
  if (f.enum) constraints.enum = f.enum;
  if (f.pattern) constraints.pattern = f.pattern;
  if (f.minimum !== undefined) constraints.minimum = f.minimum;
  if (f.maximum !== undefined) constraints.maximum = f.maximum;
  if (f.joined) {
    // Frictionless v2 `list`: items of one type joined by a delimiter. Its constraints are
    // required/minLength/maxLength only, so a pattern or enum never goes with it.
    return {
      name: f.name,
      type: 'list',
      delimiter: LIST_SEPARATOR,
      itemType: 'string',
      description: f.description,
      ...(f.required ? { constraints: { required: true } } : {}),
    };
  }
  return {
    name: f.name,
    type: f.type,
    ...(f.format ? { format: f.format } : {}),
    description: f.description,
    ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** Table Schema foreign keys; omitted when there are none (an empty list is invalid). */
function foreignKeys(t: Table) {
  const keys = t.fields.filter((f) => f.references).map((f) => ({ fields: [f.name], reference: { resource: f.references!, fields: ['id'] } }));
  return keys.length ? { foreignKeys: keys } : {};
}

/** Release files that are not CSV tables, described when the bundle holds them. */
export const OTHER_RESOURCES: ReadonlyArray<{ name: string; path: string; title: string; description: string; format: string; mediatype: string; encoding?: string }> = [
  { name: 'workbook', path: 'overseas-police-stations.xlsx', title: 'Excel workbook', description: 'Every table as a sheet of one workbook, the overviews first, with a sheet that says what the dataset is and how to cite it.', format: 'xlsx', mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { name: 'database', path: 'overseas-police-stations.sqlite', title: 'SQLite database', description: 'Every table in one SQLite database, the overviews included, with declared types, keys, indexes and full-text search over the statements; described for Datasette by metadata.json.', format: 'sqlite', mediatype: 'application/vnd.sqlite3' },
  { name: 'datasette-metadata', path: 'metadata.json', title: 'Datasette metadata for the database', description: 'Title, licence, source and the description of every table and column of the SQLite database, in Datasette\'s metadata format (datasette overseas-police-stations.sqlite -m metadata.json).', format: 'json', mediatype: 'application/json', encoding: 'utf-8' },
  { name: 'stations-geojson', path: 'stations.geojson', title: 'Stations as GeoJSON', description: 'One point per located station (city or region, never the building).', format: 'geojson', mediatype: 'application/geo+json', encoding: 'utf-8' },
  { name: 'sources-csl-json', path: 'sources.csl.json', title: 'Sources as CSL-JSON', description: 'Every cited source for citation managers.', format: 'json', mediatype: 'application/vnd.citationstyles.csl+json', encoding: 'utf-8' },
  { name: 'sources-bibtex', path: 'sources.bib', title: 'Sources as BibTeX', description: 'Every cited source as a BibTeX entry.', format: 'bib', mediatype: 'application/x-bibtex', encoding: 'utf-8' },
];

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A file of the bundle: its bytes, or its size and SHA-256 (`sha256:<hex>`) when it was streamed to disk. */
export type BundleFile = Buffer | { bytes: number; hash?: string };

const sizeAndHash = (file: BundleFile, path: string) => {
  if (Buffer.isBuffer(file)) return { bytes: file.length, hash: sha256(file) };
  if (!file.hash) throw new Error(`${path} was written without its hash`);
  return { bytes: file.bytes, hash: file.hash };
};

export function dataPackage(meta: PackageMeta, tables: readonly Table[], files: ReadonlyMap<string, BundleFile>) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: meta.name,
    title: meta.title,
    description: meta.description,
    version: meta.version,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    keywords: meta.keywords,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }],
    contributors: [{ title: 'overseas-police-stations maintainers', roles: ['author'] }],
    sources: meta.sources,
    resources: [...tables.map((t) => {
      const path = `csv/${t.name}.csv`;
      const file = files.get(path);
      if (!file) throw new Error(`no file written for ${path}`);
      const { bytes, hash } = sizeAndHash(file, path);
      return {
        name: t.name,
        type: 'table',
        $schema: 'https://datapackage.org/profiles/2.0/dataresource.json',
        path,
        title: t.title,
        description: t.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        // Stated, so that no reader has to guess the delimiter from long prose cells.
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        bytes,
        hash,
        schema: {
          fields: t.fields.map(tableSchemaField),
          missingValues: [''],
          primaryKey: t.primaryKey,
          ...foreignKeys(t),
        },
      };
    }),
    ...OTHER_RESOURCES.flatMap(({ encoding, ...r }) => {
      const file = files.get(r.path);
      return file ? [{ ...r, ...(encoding ? { encoding } : {}), ...sizeAndHash(file, r.path) }] : [];
    }),
  ]};
}
