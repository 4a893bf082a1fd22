/**
 * What the build's libraries and its disk writes cost on their own, for the
 * same synthetic dataset: `node libraries.js DIR` prints JSON with the seconds of
 *
 * - the JSON floor (JSON.parse + JSON.stringify of each file, as measure.ts),
 * - the input parsed once: JSON.parse of each file (the build cannot read its records with less),
 * - Zod: each record parsed by its collection's schema,
 * - Ajv: the records Zod returned, validated against the JSON Schemas in pieces of 1,000 (as the build does),
 * - the JSON output: JSON.stringify of the records Zod returned,
 * - csv-stringify: every table's rows, made and cast beforehand (not timed), passed with the build's own options,
 * - the disk: as many bytes as DIR/dist holds (the last build's tree), written in 1 MiB chunks;
 *
 * and, apart, the project's own code that makes and casts the rows handed to
 * csv-stringify (tables.ts, castCell), for comparison.
 *
 * None of the first is the project's own code, and the build cannot do less of
 * any of them while it publishes what it publishes; so their sum, over the
 * floor, is a lower bound for the build's ratio to the floor. A collection is
 * read whole (as for the floor) and the rest is done 10,000 records at a time.
 */
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { collections } from '../../schemas/index.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { compileSchemas } from '../build/ajv-cache.js';
import { castCell, stringifyOptions } from '../build/csv.js';
import type { Dataset } from '../build/dataset.js';
import { generateSchemas } from '../build/json-schema.js';
import { streamingOrder } from '../lint/stream.js';
import { tables } from '../build/tables.js';

export interface LibraryTimes {
  floor: number;
  parse: number;
  zod: number;
  ajv: number;
  json: number;
  csvStringify: number;
  disk: number;
  /** The project's own row making and casting, not in the lower bound. */
  rows: number;
  /** Cells passed to csv-stringify, and bytes written for the disk row. */
  cells: number;
  bytes: number;
}

const SLICE = 10_000;

/** Bytes in a tree of files. */
function treeBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? treeBytes(path) : statSync(path).size;
  }
  return bytes;
}

export function measureLibraries(dir: string): LibraryTimes {
  const times: LibraryTimes = { floor: 0, parse: 0, zod: 0, ajv: 0, json: 0, csvStringify: 0, disk: 0, rows: 0, cells: 0, bytes: 0 };
  const timed = <T>(key: 'floor' | 'parse' | 'zod' | 'ajv' | 'json' | 'csvStringify' | 'rows', run: () => T): T => {
    const start = performance.now();
    const value = run();
    times[key] += (performance.now() - start) / 1000;
    return value;
  };
  const validators = compileSchemas(generateSchemas('0.0.0'), null).validators;
  // The readable tables print source and actor names: those two collections are kept whole, as the build keeps their names.
  const whole: Partial<Record<CollectionName, unknown[]>> = {};
  for (const info of streamingOrder()) {
    const text = readFileSync(join(dir, info.file), 'utf8');
    timed('floor', () => JSON.stringify(JSON.parse(text)));
    const records = timed('parse', () => JSON.parse(text) as unknown[]);
    const validate = validators.get(info.name)!;
    const valid: unknown[] = [];
    for (let start = 0; start < records.length; start += SLICE) {
      const slice = records.slice(start, start + SLICE);
      const parsed = timed('zod', () => slice.map((r) => info.schema.parse(r)));
      timed('ajv', () => {
        for (let i = 0; i < parsed.length; i += 1000) if (!validate(parsed.slice(i, i + 1000))) throw new Error(`${info.name}: Ajv rejects what Zod accepted`);
      });
      timed('json', () => JSON.stringify(parsed));
      if (info.name === 'sources' || info.name === 'actors') for (const r of parsed) valid.push(r);
      else csvOf(info.name, parsed);
    }
    if (info.name === 'sources' || info.name === 'actors') {
      whole[info.name] = valid;
      csvOf(info.name, valid);
    }
  }
  function csvOf(name: CollectionName, records: unknown[]) {
    const data = Object.fromEntries(collections.map((c) => [c.name, whole[c.name] ?? []])) as unknown as Dataset;
    (data as unknown as Record<string, unknown[]>)[name] = records;
    for (const table of tables.filter((t) => t.collection === name)) {
      const rows = timed('rows', () => table.rows(data));
      const fields = table.fields;
      for (let start = 0; start < rows.length; start += SLICE) {
        const cells = timed('rows', () => rows.slice(start, start + SLICE).map((row) => fields.map((f) => castCell(row[f.name], f.type))));
        times.cells += cells.length * fields.length;
        timed('csvStringify', () => stringify(cells, stringifyOptions(table, false)));
      }
    }
  }
  times.bytes = treeBytes(join(dir, 'dist'));
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const file = join(dir, 'bytes-written.tmp');
  const start = performance.now();
  const fd = openSync(file, 'w');
  for (let done = 0; done < times.bytes; ) done += writeSync(fd, chunk, 0, Math.min(chunk.length, times.bytes - done));
  closeSync(fd);
  times.disk = (performance.now() - start) / 1000;
  rmSync(file, { force: true });
  return times;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: libraries.js DIR (a generated dataset, built once into DIR/dist)');
    process.exit(2);
  }
  console.log(JSON.stringify(measureLibraries(dir)));
}
