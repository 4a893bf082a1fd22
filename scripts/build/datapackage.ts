/**
 * The Frictionless Data Package descriptor for the CSV tables: v2 profile
 * (`$schema`), with the v1 `profile` keys kept so that v1 readers such as the
 * `datapackage` npm package can load it too.
 */
import { createHash } from 'node:crypto';
import type { Field, Table } from './tables.js';

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

export function dataPackage(meta: PackageMeta, tables: readonly Table[], files: Map<string, Buffer>) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    description: meta.description,
    version: meta.version,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    keywords: meta.keywords,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }],
    contributors: [{ title: 'overseas-police-stations maintainers', roles: ['author'] }],
    sources: meta.sources,
    resources: tables.map((t) => {
      const path = `csv/${t.name}.csv`;
      const bytes = files.get(path);
      if (!bytes) throw new Error(`no file written for ${path}`);
      return {
        name: t.name,
        type: 'table',
        profile: 'tabular-data-resource',
        path,
        title: t.title,
        description: t.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        // Stated, so that no reader has to guess the delimiter from long prose cells.
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        bytes: bytes.length,
        hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        schema: {
          fields: t.fields.map(tableSchemaField),
          missingValues: [''],
          primaryKey: t.primaryKey,
          ...foreignKeys(t),
        },
      };
    }),
  };
}
