/**
 * `overseas-police-stations.sqlite`: the CSV tables as one SQLite database,
 * built in memory with SQLite's own WebAssembly build (`@sqlite.org/sqlite-wasm`:
 * no native compilation, nothing downloaded at install time).
 *
 * One table per CSV table, generated from the same declarations (tables.ts):
 * declared column types (TEXT, INTEGER, REAL; booleans as INTEGER 0/1), NOT NULL
 * for required columns, CHECK constraints for vocabularies, the primary key,
 * a foreign key for every reference with an index on it. Overview tables become
 * views where a view is declared for them (sqlite-views.ts); otherwise they are
 * stored as tables, the same rows as their CSV, with their id a foreign key to
 * the table they summarise.
 * Full-text search (FTS5, which this build includes) over statement texts and
 * their translations: `statements_fts`. A `dataset_about` table holds title,
 * version, licence and citation.
 *
 * The build refuses a database whose `PRAGMA integrity_check` or
 * `PRAGMA foreign_key_check` is not clean. Deterministic: the same data gives
 * the same bytes (the format holds no timestamps, and the same statements run
 * in the same order; no VACUUM, which would need a second copy in memory).
 */
import sqlite3InitModule, { type Database } from '@sqlite.org/sqlite-wasm';
import type { Dataset } from './dataset.js';
import type { ReleaseInfo } from './release-info.js';
import { OVERVIEW_VIEWS } from './sqlite-views.js';
import type { Field, Table } from './tables.js';
import { isOverview } from './table-order.js';

/** The table's name in SQL: the CSV name with `-` as `_`. */
export const sqlName = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const SQL_TYPE: Record<string, string> = { string: 'TEXT', integer: 'INTEGER', number: 'REAL', boolean: 'INTEGER' };
export const sqlType = (f: Field) => SQL_TYPE[f.type] ?? 'TEXT';

/** Full-text indexes: which table, which of its columns (those present are indexed). */
export const FULL_TEXT = [{ table: 'statements', name: 'statements_fts', columns: ['text', 'translation_en'] }] as const;

function columnSql(f: Field): string {
  const parts = [q(f.name), sqlType(f)];
  if (f.required) parts.push('NOT NULL');
  if (f.enum) parts.push(`CHECK (${q(f.name)} IN (${f.enum.map(literal).join(', ')}))`);
  else if (f.type === 'boolean') parts.push(`CHECK (${q(f.name)} IN (0, 1))`);
  return parts.join(' ');
}

/** Tables stored as tables: every table except the overviews that have a view. */
export const storedTables = (tables: readonly Table[]) => tables.filter((t) => !(isOverview(t) && OVERVIEW_VIEWS[t.name]));

/** The schema, as SQL statements in order. */
export function schemaSql(tables: readonly Table[]): string[] {
  const known = new Set(storedTables(tables).map((t) => t.name));
  const statements: string[] = [];
  for (const t of storedTables(tables)) {
    const name = sqlName(t.name);
    const lines = t.fields.map(columnSql);
    lines.push(`PRIMARY KEY (${t.primaryKey.map(q).join(', ')})`);
    for (const f of t.fields) {
      if (f.references && known.has(f.references)) lines.push(`FOREIGN KEY (${q(f.name)}) REFERENCES ${q(sqlName(f.references))} ("id")`);
    }
    // An overview's id is the key of the table it summarises (stations-overview → stations).
    const summarised = isOverview(t) ? t.name.replace(/[-_]?overview$/, '') : undefined;
    if (summarised && known.has(summarised) && t.fields.some((f) => f.name === 'id' && !f.references)) lines.push(`FOREIGN KEY ("id") REFERENCES ${q(sqlName(summarised))} ("id")`);
    statements.push(`CREATE TABLE ${q(name)} (\n  ${lines.join(',\n  ')}\n)`);
    for (const f of t.fields) {
      // The leading primary-key column is indexed by the key itself.
      if (f.references && known.has(f.references) && t.primaryKey[0] !== f.name) {
        statements.push(`CREATE INDEX ${q(`${name}_${f.name}`)} ON ${q(name)} (${q(f.name)})`);
      }
    }
  }
  for (const t of tables) {
    const view = isOverview(t) ? OVERVIEW_VIEWS[t.name] : undefined;
    if (view) statements.push(`CREATE VIEW ${q(sqlName(t.name))} AS\n${view}`);
  }
  for (const fts of FULL_TEXT) {
    const t = tables.find((x) => x.name === fts.table);
    const columns = fts.columns.filter((c) => t?.fields.some((f) => f.name === c));
    if (!t || !columns.length) continue;
    statements.push(
      `CREATE VIRTUAL TABLE ${q(fts.name)} USING fts5(${columns.map(q).join(', ')}, content=${literal(sqlName(t.name))}, content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`,
    );
  }
  statements.push('CREATE TABLE "dataset_about" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)');
  return statements;
}

type SqlCell = string | number | null;
const sqlValue = (v: unknown, f: Field): SqlCell => {
  if (v === undefined || v === null || v === '') return f.type === 'string' && v === '' ? '' : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  return String(v);
};

export class DatabaseBuildError extends Error {}

let module: ReturnType<typeof sqlite3InitModule> | undefined;
/** The WebAssembly module, loaded once per process. */
export const loadSqlite = () => (module ??= sqlite3InitModule());

/** Packs "0.1.0" into 100 (major × 10000 + minor × 100 + patch) for `PRAGMA user_version`. */
const userVersion = (version: string) => {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  return major * 10_000 + minor * 100 + patch;
};

export async function buildDatabase(tables: readonly Table[], data: Dataset, release: ReleaseInfo): Promise<Buffer> {
  const sqlite3 = await loadSqlite();
  const db: Database = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.exec('PRAGMA page_size = 4096; PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF;');
    db.exec(`PRAGMA user_version = ${userVersion(release.version)}`);
    db.exec('BEGIN');
    for (const statement of schemaSql(tables)) db.exec(statement);
    // One statement per table: the rows go in as one JSON array bound to a parameter, unpacked by
    // json_each (few calls across the WebAssembly boundary, and no SQL text built from data).
    for (const t of storedTables(tables)) {
      const rows = JSON.stringify(t.rows(data).map((row) => t.fields.map((f) => sqlValue(row[f.name], f))));
      const columns = t.fields.map((f, i) => `value ->> ${i}`).join(', ');
      try {
        db.exec({ sql: `INSERT INTO ${q(sqlName(t.name))} (${t.fields.map((f) => q(f.name)).join(', ')}) SELECT ${columns} FROM json_each(?) ORDER BY key`, bind: [rows] });
      } catch (error) {
        throw new DatabaseBuildError(`table ${t.name}: ${(error as Error).message.replace(/^SQLITE_\w+: sqlite3 result code \d+: /, '')}`);
      }
    }
    for (const fts of FULL_TEXT) {
      if (db.selectValue('SELECT count(*) FROM sqlite_schema WHERE name = ?', [fts.name])) db.exec(`INSERT INTO ${q(fts.name)} (${q(fts.name)}) VALUES ('rebuild')`);
    }
    const about = db.prepare('INSERT INTO "dataset_about" VALUES (?, ?)');
    for (const [key, value] of aboutRows(release)) insert(about, key, value);
    about.finalize();
    db.exec('COMMIT');

    const integrity = db.selectValues('PRAGMA integrity_check');
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new DatabaseBuildError(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
    const dangling = db.selectArrays('PRAGMA foreign_key_check');
    if (dangling.length) throw new DatabaseBuildError(`foreign_key_check: ${dangling.slice(0, 5).map((r) => `${r[0]} row ${r[1]} → ${r[2]}`).join('; ')}`);
    return Buffer.from(sqlite3.capi.sqlite3_js_db_export(db));
  } finally {
    db.close();
  }
}

function insert(statement: ReturnType<Database['prepare']>, key: string, value: string) {
  statement.bind([key, value]).stepReset();
}

function aboutRows(release: ReleaseInfo): Array<[string, string]> {
  return [
    ['title', release.title],
    ['description', release.description],
    ['version', release.version],
    ['released', release.released],
    ['licence', `${release.licence.title} — ${release.licence.url}`],
    ['citation', release.citation],
    ...(release.homepage ? ([['homepage', release.homepage]] as Array<[string, string]>) : []),
    ...(release.repository ? ([['repository', release.repository]] as Array<[string, string]>) : []),
    ['dates', 'Dates are TEXT: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.'],
    ['lists', 'Columns holding several values separate them with "; "; the link tables hold one row per value.'],
  ];
}
