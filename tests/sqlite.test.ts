import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import type { Dataset } from '../scripts/build/dataset.js';
import { datasetteMetadata } from '../scripts/build/datasette-metadata.js';
import { releaseInfo } from '../scripts/build/release-info.js';
import { buildDatabase, DatabaseBuildError, loadSqlite, sqlName, sqlType } from '../scripts/build/sqlite.js';
import { OVERVIEW_VIEWS } from '../scripts/build/sqlite-views.js';
import { isOverview } from '../scripts/build/table-order.js';
import { tables, type Table } from '../scripts/build/tables.js';
import { PROJECT_ROOT } from './helpers/fixture.js';

const data = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(PROJECT_ROOT, c.file), 'utf8'))])) as unknown as Dataset;
const release = releaseInfo(PROJECT_ROOT);

/** Opens database bytes with the same WebAssembly SQLite. */
async function open(bytes: Uint8Array): Promise<Database> {
  const sqlite3 = await loadSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = sqlite3.wasm.allocFromTypedArray(new Uint8Array(bytes));
  const rc = sqlite3.capi.sqlite3_deserialize(db.pointer!, 'main', pointer, bytes.length, bytes.length, sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE);
  expect(rc).toBe(0);
  return db;
}

let bytes: Buffer;
let db: Database;
beforeAll(async () => {
  bytes = await buildDatabase(tables, data, release);
  db = await open(bytes);
});

describe('the SQLite database', () => {
  it('is a SQLite 3 file that passes integrity_check and foreign_key_check', () => {
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(db.selectValues('PRAGMA integrity_check')).toEqual(['ok']);
    expect(db.selectArrays('PRAGMA foreign_key_check')).toEqual([]);
  });

  it.each(tables.map((t) => t.name))('table %s: declared types, NOT NULL, primary key and every row', (name) => {
    const t = tables.find((x) => x.name === name)!;
    const columns = db.selectObjects(`PRAGMA table_info("${sqlName(name)}")`) as Array<{ name: string; type: string; notnull: number; pk: number }>;
    expect(columns.map((c) => c.name)).toEqual(t.fields.map((f) => f.name));
    expect(columns.map((c) => c.type)).toEqual(t.fields.map(sqlType));
    for (const f of t.fields.filter((x) => x.required)) expect(columns.find((c) => c.name === f.name)!.notnull, f.name).toBe(1);
    expect(columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)).toEqual(t.primaryKey);
    expect(db.selectValue(`SELECT count(*) FROM "${sqlName(name)}"`)).toBe(t.rows(data).length);
  });

  it.each(tables.filter((t) => t.fields.some((f) => f.references)).map((t) => t.name))('table %s: a foreign key and an index for every reference', (name) => {
    const t = tables.find((x) => x.name === name)!;
    const keys = db.selectObjects(`PRAGMA foreign_key_list("${sqlName(name)}")`) as Array<{ from: string; table: string; to: string }>;
    const indexed = new Set(
      (db.selectObjects(`PRAGMA index_list("${sqlName(name)}")`) as Array<{ name: string }>).map((i) => (db.selectObjects(`PRAGMA index_info("${i.name}")`) as Array<{ name: string; seqno: number }>).find((c) => c.seqno === 0)!.name),
    );
    for (const f of t.fields.filter((x) => x.references)) {
      expect(keys.find((k) => k.from === f.name), f.name).toMatchObject({ table: sqlName(f.references!), to: 'id' });
      expect(indexed.has(f.name), `${f.name} is indexed`).toBe(true);
    }
  });

  it('stores dates as text, numbers as numbers, booleans as 0 and 1', () => {
    expect(db.selectValues('SELECT DISTINCT typeof(date) FROM agreement_signings WHERE date IS NOT NULL')).toEqual(['text']);
    expect(db.selectValue("SELECT count(*) FROM agreement_signings WHERE date = '2016'")).toBeGreaterThan(0);
    expect(db.selectValues('SELECT DISTINCT typeof(latitude) FROM stations WHERE latitude IS NOT NULL')).toEqual(['real']);
    expect(db.selectValues('SELECT DISTINCT preferred FROM figures ORDER BY 1')).toEqual([0, 1]);
  });

  it('refuses a value outside a vocabulary (CHECK constraint)', () => {
    expect(() => db.exec("UPDATE stations SET status = 'shut' WHERE rowid = 1")).toThrow(/CHECK constraint failed/);
  });

  it('finds statements by full-text search (FTS5), accents folded', () => {
    const italian = data.statements.find((s) => s.language === 'it')!;
    const word = italian.text.split(/[^\p{L}]+/u).find((w) => w.length > 6)!;
    const folded = word.normalize('NFD').replace(/\p{M}/gu, '');
    const ids = db.selectValues('SELECT s.id FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid WHERE statements_fts MATCH ?', [`"${folded}"`]);
    expect(ids).toContain(italian.id);
    const english = db.selectValue("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'translation_en: police'");
    expect(english).toBeGreaterThan(0);
  });

  it('says what the release is in dataset_about', () => {
    const about = Object.fromEntries(db.selectArrays('SELECT key, value FROM dataset_about') as Array<[string, string]>);
    expect(about).toMatchObject({ version: release.version, released: release.released, citation: release.citation });
  });

  it('is byte-identical across rebuilds', async () => {
    expect((await buildDatabase(tables, data, release)).equals(bytes)).toBe(true);
  });

  it('refuses to build a database whose references do not resolve', async () => {
    const dangling: Table = { ...tables.find((t) => t.name === 'station_events')!, rows: () => [{ station_id: 'no-such-station', seq: 1, date: '2022', kind: data.stations.flatMap((s) => s.history)[0]!.kind, description: 'x' }] };
    await expect(buildDatabase([tables.find((t) => t.name === 'stations')!, dangling], data, release)).rejects.toThrow(DatabaseBuildError);
  });

  it.each(tables.filter(isOverview).map((t) => t.name))('overview %s (no view declared for it) is a table whose id references the table it summarises', (name) => {
    expect(OVERVIEW_VIEWS[name]).toBeUndefined();
    const summarised = name.replace(/-overview$/, '');
    expect(db.selectValue(`SELECT count(*) FROM "${sqlName(name)}"`)).toBe(db.selectValue(`SELECT count(*) FROM "${sqlName(summarised)}"`));
    expect(db.selectObjects(`PRAGMA foreign_key_list("${sqlName(name)}")`)).toContainEqual(expect.objectContaining({ from: 'id', table: sqlName(summarised), to: 'id' }));
  });

  it('has an overview table for each overview', () => {
    expect(tables.filter(isOverview).map((t) => t.name).sort()).toEqual(['figures-overview', 'statements-overview', 'stations-overview']);
  });

  it('metadata.json describes every table and column for Datasette', () => {
    const meta = datasetteMetadata(tables, release);
    expect(meta).toMatchObject({ title: release.title, license: 'CC BY 4.0', license_url: release.licence.url });
    const described = meta.databases['overseas-police-stations']!.tables as Record<string, { description: string; columns: Record<string, string> }>;
    for (const t of tables) {
      expect(described[sqlName(t.name)]!.description).toBe(t.description);
      expect(Object.keys(described[sqlName(t.name)]!.columns)).toEqual(t.fields.map((f) => f.name));
    }
    const inDatabase = db.selectValues("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'statements_fts%' AND name NOT LIKE 'sqlite_%'");
    expect(Object.keys(described).sort()).toEqual([...inDatabase].sort());
  });
});

describe('the database worker', () => {
  it('writes the same bytes on the baseline WebAssembly compiler as with the optimising tier, and as in this thread', async () => {
    // The compiled module: the worker is a compiled file beside it.
    const compiled = (await import(join(PROJECT_ROOT, 'lib/scripts/build/downloads.js'))) as typeof import('../scripts/build/downloads.js');
    const built = async (baselineWasm: boolean) => {
      const downloads = compiled.startDownloads(release, { baselineWasm });
      try {
        return (await downloads.build(tables, data)).files.get(compiled.DATABASE_FILE)!;
      } finally {
        downloads.stop();
      }
    };
    const [baseline, optimised] = [await built(true), await built(false)];
    expect(baseline.equals(optimised)).toBe(true);
    expect(baseline.equals(bytes)).toBe(true);
  });
});
