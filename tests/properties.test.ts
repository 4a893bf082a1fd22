/** Properties checked on generated data with fast-check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { newAjv, collectionSchema } from '../scripts/build/json-schema.js';
import { checkDataset, type Dataset } from '../scripts/lint/dataset-checks.js';
import { checkRecords } from '../scripts/lint/record-checks.js';
import { toCsv, unneutralise } from '../scripts/build/csv.js';
import type { Table } from '../scripts/build/tables.js';
import { PROJECT_ROOT, VALID_FIXTURE } from './helpers/fixture.js';

type Json = unknown;

/** Every path to a value inside a JSON value. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: Array<string | number>, change: { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'add-key'; key: string; value: Json }): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return change.kind === 'set' ? change.value : copy;
  let parent: any = copy; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  const last = path[path.length - 1]!;
  if (change.kind === 'set') parent[last] = change.value;
  else if (change.kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) target[change.key] = change.value;
  }
  return copy;
}

/** Values that sit on the edges of the schemas' rules. */
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom('2022', '2022-12', '2022-12-07', '2022-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2022-13', '2022-00', '2022-04-31', '22-01-01', '2022-1-5'),
  fc.constantFrom('a', 'a-b', 'A', 'a-', '-a', 'a--b', '1a', 'a_b', 'IT', 'it', 'ITA', 'en', 'zh-Hans', 'zh-hans', 'https://example.org/x', 'ftp://x', 'http:// x', ''),
  fc.constantFrom(' padded', 'padded ', 'x\ny', '😀', 'a'.repeat(10_000), 'a'.repeat(10_001)),
  fc.constantFrom('reported', 'closed', 'direct', 'indirect', 'exact', 'rounded', 'EUR', 'person', 'news-article', 'city', 'region', 'source', 'project'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-91, 91, -181, 181, 0, 1e21),
  fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.array(fc.string(), { maxLength: 2 }),
);

const change = fc.oneof(
  edgeValue.map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.tuple(fc.constantFrom('extra', 'id', 'sources', '__x'), edgeValue).map(([key, value]) => ({ kind: 'add-key' as const, key, value })),
);

describe.each(collections.map((c) => [c.name, c] as const))('Zod and the generated JSON Schema agree on %s', (name, info) => {
  const seeds = [
    ...JSON.parse(readFileSync(join(VALID_FIXTURE, info.file), 'utf8')),
    ...JSON.parse(readFileSync(join(PROJECT_ROOT, info.file), 'utf8')).slice(0, 5),
  ] as Json[];
  const validate = newAjv().compile(collectionSchema(info, '0.0.0'));

  it('for records mutated at a random place, valid or not', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...seeds), fc.nat(), fc.array(change, { minLength: 1, maxLength: 3 }))
      .map(([seed, pick, changes]) => {
        let record = seed;
        changes.forEach((c, i) => {
          const all = paths(record);
          record = setAt(record, all[(pick + i * 7) % all.length]!, c);
        });
        return record;
      });
    let invalid = 0;
    fc.assert(
      fc.property(mutated, (record) => {
        const zod = info.schema.safeParse(record).success;
        if (!zod) invalid++;
        expect(validate([record]), `${name}: Zod says ${zod} for ${JSON.stringify(record).slice(0, 400)}`).toBe(zod);
      }),
      { numRuns: 300, seed: 20261122 },
    );
    expect(invalid).toBeGreaterThan(30); // the generator does reach invalid records
  });

  it('the linter reports problems in mutated records and never throws', () => {
    const fixtureData = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(VALID_FIXTURE, c.file), 'utf8'))])) as Record<string, Json[]>;
    fc.assert(
      fc.property(fc.nat(), fc.array(change, { minLength: 1, maxLength: 3 }), (pick, changes) => {
        let record = fixtureData[name]![0];
        changes.forEach((c, i) => {
          const all = paths(record);
          record = setAt(record, all[(pick + i * 5) % all.length]!, c);
        });
        const dataset = Object.fromEntries(collections.map((c) => [c.name, (c.name === name ? [record] : fixtureData[c.name]!).map((r, index) => ({ index, record: r }))])) as unknown as Dataset;
        expect(() => checkRecords(info, [record])).not.toThrow();
        expect(() => checkDataset(dataset)).not.toThrow();
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });
});

describe('CSV round trip', () => {
  const table: Table = {
    name: 'roundtrip', title: 'roundtrip', description: 'generated', collection: 'sources', primaryKey: ['a'], rows: () => [],
    fields: [
      { name: 'a', type: 'string', description: 'text' },
      { name: 'b', type: 'string', description: 'text' },
      { name: 'n', type: 'number', description: 'number' },
      { name: 'flag', type: 'boolean', description: 'boolean' },
    ],
  };
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom('温州市公安局', 'Città di Prato, via degli Orti del Pero 2', '“quoted” and "quoted"', 'a,b;c', 'line\r\nbreak', '😀👩‍👩‍👧', "=SUM(A1)", "'+x", '-', ' leading', 'trailing '),
  ).filter((s) => s.length > 0);

  it('gives back the same values for arbitrary Unicode, quotes, commas and newlines', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: text, b: text, n: fc.double({ noNaN: true, noDefaultInfinity: true }), flag: fc.boolean() }), { minLength: 1, maxLength: 20 }), (rows) => {
        const parsed = parse(toCsv(table, rows), { columns: true, bom: true, relax_column_count: false }) as Array<Record<string, string>>;
        expect(parsed).toHaveLength(rows.length);
        parsed.forEach((cells, i) => {
          expect(unneutralise(cells.a!)).toBe(rows[i]!.a);
          expect(unneutralise(cells.b!)).toBe(rows[i]!.b);
          expect(Number(cells.n)).toBe(rows[i]!.n === 0 ? 0 : rows[i]!.n);
          expect(cells.flag).toBe(String(rows[i]!.flag));
        });
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
