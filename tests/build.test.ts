import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import datapackage from 'datapackage';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { dataDictionary } from '../scripts/build/dictionary.js';
import { tables } from '../scripts/build/tables.js';
import { build, freshBuild, snapshot } from './helpers/build.js';
import { v1Descriptor } from './helpers/datapackage-v1.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const data = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(PROJECT_ROOT, c.file), 'utf8')) as Rec[]]));
let dist: string;
const csv = (name: string) => parse(readFileSync(join(dist, 'csv', `${name}.csv`)), { columns: true, bom: true }) as Array<Record<string, string>>;
const jsonFile = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));

beforeAll(() => {
  dist = freshBuild();
});

describe('dist/data and dist/schema', () => {
  it.each(collections.map((c) => c.name))('%s.json holds the same records as data/', (name) => {
    expect(jsonFile(`data/${name}.json`)).toEqual(data[name]);
  });

  it.each(collections.map((c) => c.name))('%s.schema.json is strict draft 2020-12, rejects {} and accepts the data', (name) => {
    const schema = jsonFile(`schema/${name}.schema.json`);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(new RegExp(`/schema/${name}\\.schema\\.json$`));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(data[name])).toBe(true);
    expect(validate([{}])).toBe(false);
    expect(validate([{ ...data[name]![0], unexpected: true }])).toBe(false);
  });
});

describe('dist/csv', () => {
  it('has one CSV per declared table, and nothing else', () => {
    expect(readdirSync(join(dist, 'csv')).sort()).toEqual(tables.map((t) => `${t.name}.csv`).sort());
  });

  it.each(collections.map((c) => c.name))('%s.csv has one row per record, with the same ids in the same order', (name) => {
    expect(csv(name).map((r) => r.id)).toEqual(data[name]!.map((r) => r.id));
  });

  it('is UTF-8 without BOM, with CRLF line ends and the declared header', () => {
    for (const t of tables) {
      const bytes = readFileSync(join(dist, 'csv', `${t.name}.csv`));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const text = bytes.toString('utf8');
      expect(text.split('\r\n')[0]).toBe(t.fields.map((f) => f.name).join(','));
      expect(text.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
    }
  });

  it('writes a link row for every citation at any depth', () => {
    const count = (v: unknown): number =>
      Array.isArray(v) ? v.reduce((n: number, x) => n + count(x), 0)
        : v && typeof v === 'object' ? Object.entries(v).reduce((n, [k, x]) => n + (k === 'sources' && Array.isArray(x) ? x.length : count(x)), 0) : 0;
    expect(csv('station_sources')).toHaveLength(count(data.stations));
    expect(csv('statement_sources')).toHaveLength(count(data.statements));
    expect(csv('agreement_sources')).toHaveLength(count(data.agreements));
  });

  it('writes every version of a contested value, keeping conflicts side by side', () => {
    const signings = csv('agreement_signings').filter((r) => r.agreement_id === 'it-cn-joint-patrol-memorandum-2015');
    // Seven accounts (The Hague on 24 September 2015, Rome on 27 April 2015, 2016…), each kept with who gives it.
    expect(signings.map((r) => r.date)).toEqual(expect.arrayContaining(['2015-09-24', '2015-04-27', '2016']));
    expect(signings.length).toBeGreaterThanOrEqual(4);
    expect(signings.every((r) => r.claimed_by !== '')).toBe(true);
    expect(signings.filter((r) => r.preferred === 'true')).toHaveLength(1);
    const returns = csv('figures').filter((r) => r.measure === 'persuaded-returns').map((r) => Number(r.value));
    expect(returns).toEqual(expect.arrayContaining([210000, 230000]));
  });

  it('writes numbers without separators and booleans as true/false', () => {
    const exports = csv('figures').find((r) => r.measure === 'exports-italy-to-china')!;
    expect(exports.value).toBe('12700000000');
    expect(new Set(csv('figures').map((r) => r.preferred))).toEqual(new Set(['true', 'false']));
  });

  it('resolves every declared foreign key (own check)', () => {
    const ids = new Map(tables.map((t) => [t.name, new Set(csv(t.name).map((r) => r.id))]));
    for (const t of tables) {
      for (const f of t.fields.filter((x) => x.references)) {
        for (const row of csv(t.name)) {
          if (row[f.name]) expect(ids.get(f.references!)!.has(row[f.name]!), `${t.name}.${f.name} = ${row[f.name]}`).toBe(true);
        }
      }
    }
  });

  it('has an Excel copy of each CSV that differs only by a BOM', () => {
    for (const t of tables) {
      const excel = readFileSync(join(dist, 'csv-excel', `${t.name}.csv`));
      expect(excel.subarray(3).equals(readFileSync(join(dist, 'csv', `${t.name}.csv`)))).toBe(true);
      expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
  });
});

describe('dist/datapackage.json', () => {
  it('describes every CSV with bytes, hash, primary and foreign keys', () => {
    const pkg = jsonFile('datapackage.json');
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.version).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);
    const tabular = pkg.resources.filter((r: Rec) => r.type === 'table');
    expect(tabular.map((r: Rec) => r.path).sort()).toEqual(tables.map((t) => `csv/${t.name}.csv`).sort());
    for (const r of pkg.resources) {
      expect(r.bytes).toBe(readFileSync(join(dist, r.path)).length);
      expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    for (const r of tabular) expect(r.schema.primaryKey.length).toBeGreaterThan(0);
    const fks = tabular.flatMap((r: Rec) => r.schema.foreignKeys ?? []);
    expect(fks.length).toBe(tables.flatMap((t) => t.fields.filter((f) => f.references)).length);
  });

  it('loads with the independent Frictionless reader (v1, list cells read as strings), every table read with foreign keys enforced', async () => {
    const pkg = await datapackage.Package.load(v1Descriptor(dist), { basePath: dist });
    expect(pkg.errors.map((e: Error) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    for (const resource of pkg.resources) {
      const rows = await resource.read({ relations: true });
      expect(rows.length, resource.name).toBe(csv(resource.name).length);
    }
  });

  it('is rejected by the independent reader when a foreign key is broken', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const broken = join(dirname(dist), 'broken');
    cpSync(dist, broken, { recursive: true });
    const path = join(broken, 'csv', 'statement_stations.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/,it-prato-fuzhou\r\n/, ',it-nowhere\r\n'));
    const pkg = await datapackage.Package.load(v1Descriptor(broken), { basePath: broken });
    await expect(pkg.getResource('statement_stations').read({ relations: true })).rejects.toThrow(/Foreign key/);
  });
});

describe('dist/stations.geojson', () => {
  it('is an RFC 7946 FeatureCollection with one Point per located station, longitude first', () => {
    const geo = jsonFile('stations.geojson');
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.crs).toBeUndefined();
    const located = data.stations!.filter((s) => s.coordinates);
    expect(geo.features).toHaveLength(located.length);
    for (const [i, f] of geo.features.entries()) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toEqual([located[i]!.coordinates.lon, located[i]!.coordinates.lat]);
      for (const value of Object.values(f.properties)) expect(value === null || typeof value !== 'object').toBe(true);
    }
  });
});

describe('dist/sources.csl.json and dist/sources.bib', () => {
  it('have one entry per source, keyed by the source id', () => {
    const ids = data.sources!.map((s) => s.id);
    expect(jsonFile('sources.csl.json').map((e: Rec) => e.id)).toEqual(ids);
    const bib = readFileSync(join(dist, 'sources.bib'), 'utf8');
    expect([...bib.matchAll(/^@[a-z]+\{([^,]+),$/gm)].map((m) => m[1])).toEqual(ids);
    // BibTeX counts every brace, escaped or not.
    expect((bib.match(/\}/g) ?? []).length).toBe((bib.match(/\{/g) ?? []).length);
  });
});

describe('docs/data-dictionary.md', () => {
  it('is up to date with the schemas (regenerate with `npm run docs`)', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'docs/data-dictionary.md'), 'utf8');
    expect(committed, 'docs/data-dictionary.md is out of date: run `npm run docs`').toBe(dataDictionary(tables) + '\n');
  });
});

describe('the build as a whole', () => {
  it('is deterministic: two builds are byte-identical', () => {
    const again = snapshot(freshBuild());
    const first = snapshot(dist);
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) expect(again.get(path)!.equals(bytes), path).toBe(true);
  });

  it('is atomic: a build of invalid data fails and leaves the previous dist/ untouched', () => {
    const out = freshBuild();
    const before = snapshot(out);
    const broken = fixture().edit('stations', (r) => (r[0].status.value = 'shut'));
    const run = build(out, broken.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Build refused');
    expect(run.stderr).toContain('data/stations.json record "it-example-city" at /0/status/value');
    const after = snapshot(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect(readdirSync(dirname(out))).toEqual(['dist']);
  });
});

describe('README.md', () => {
  it('states the counts of the current data (regenerate with `npm run docs`)', async () => {
    const { readmeWithCounts } = await import('../scripts/lib/readme-counts.js');
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme, 'README.md counts are out of date: run `npm run docs`').toBe(readmeWithCounts(readme, PROJECT_ROOT));
    expect(readme).toContain(`**${data.stations!.length} reported stations**`);
  });

  it('shows the two set-up commands that CI and contributors run', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  });
});
