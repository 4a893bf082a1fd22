/**
 * The collection-by-collection build (scripts/build/release.ts) against the
 * tables built from the whole dataset at once: every CSV the same bytes, so
 * that each table declares the collection its rows come from, and the names
 * kept of sources and actors are all the readable tables read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { snapshotFiles } from '../scripts/site/files.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { toCsv } from '../scripts/build/csv.js';
import type { Dataset } from '../scripts/build/dataset.js';
import { COMPILED_SCHEMAS, packageMeta } from '../scripts/build/meta.js';
import { buildRelease } from '../scripts/build/release.js';
import { tables } from '../scripts/build/tables.js';
import { lintData } from '../scripts/lint/run.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'ops-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the streaming build', () => {
  const release = buildRelease(dir, { root: PROJECT_ROOT, meta: packageMeta(PROJECT_ROOT), compiledSchemasDir: join(PROJECT_ROOT, 'lib/schemas'), keepData: true });
  const whole = lintData(PROJECT_ROOT).data as unknown as Dataset;

  it('passes on the real data', () => {
    expect(release.refused).toBe(false);
    expect(release.bundleProblems).toEqual([]);
    expect(COMPILED_SCHEMAS).toMatch(/schemas$/);
  });

  it.each(tables.map((t) => [t.name, t] as const))('writes %s.csv exactly as from the whole dataset', (name, t) => {
    const expected = Buffer.from(toCsv(t, t.rows(whole)));
    expect(readFileSync(join(dir, 'csv', `${name}.csv`)).equals(expected)).toBe(true);
    expect(readFileSync(join(dir, 'csv-excel', `${name}.csv`)).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), expected]))).toBe(true);
    expect(release.rows.get(name)).toBe(t.rows(whole).length);
  });

  it.each(collections.map((c) => c.name))('writes data/%s.json byte for byte as one JSON.stringify of what Zod returned', (name) => {
    expect(readFileSync(join(dir, 'data', `${name}.json`), 'utf8')).toBe(JSON.stringify(whole[name]) + '\n');
  });

  it('returns the validated records when asked to keep them', () => {
    expect(release.data).toEqual(whole);
  });
});

describe('the streaming build, a piece at a time', () => {
  const meta = packageMeta(PROJECT_ROOT);
  const compiledSchemasDir = join(PROJECT_ROOT, 'lib/schemas');
  const tree = (name: string) => join(dir, name);

  it('writes the same files from pieces of 7 records as from whole collections', () => {
    // The real collections hold fewer records than one default piece: pieces of 7 exercise every join (JSON commas,
    // GeoJSON features, CSV batches, held sources and actors) and the offsets of what is said about them.
    const whole = buildRelease(tree('whole'), { root: PROJECT_ROOT, meta, compiledSchemasDir });
    const pieces = buildRelease(tree('pieces'), { root: PROJECT_ROOT, meta, compiledSchemasDir, recordsPerPass: 7 });
    expect(pieces.bundleProblems).toEqual([]);
    const a = snapshotFiles(tree('whole'));
    const b = snapshotFiles(tree('pieces'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
    expect(pieces.rows).toEqual(whole.rows);
    expect(pieces.coverage).toEqual(whole.coverage);
  });

  it('says where a problem is in the file, not in the piece', () => {
    const broken = fixture(PROJECT_ROOT).edit('stations', (r) => {
      delete r[r.length - 1].status;
    });
    const stations = broken.read('stations').length;
    const run = (recordsPerPass?: number) => buildRelease(tree(`broken-${recordsPerPass ?? 'whole'}`), { root: broken.root, meta, compiledSchemasDir, recordsPerPass }).lint.problems.filter((p) => p.level === 'error');
    const inPieces = run(2);
    expect(inPieces.map((p) => p.path)).toEqual([`/${stations - 1}/status`]);
    expect(inPieces).toEqual(run());
  });

  it('says where a list cell cannot be written, in the file', () => {
    const broken = fixture(PROJECT_ROOT).edit('agreements', (r) => {
      r[r.length - 1].events[0].places = ['Rome; Milan'];
    });
    const agreements = broken.read('agreements').length;
    const release = buildRelease(tree('list-cell'), { root: broken.root, meta, compiledSchemasDir, recordsPerPass: 1 });
    expect(release.refused).toBe(false);
    expect(release.bundleProblems).toHaveLength(1);
    expect(release.bundleProblems[0]).toContain(`at /${agreements - 1}/events/0/places/0:`);
  });

  it('checks the data before any output when the caller wants the records first, and only hands valid data over', () => {
    const order: string[] = [];
    const outputs = [{ stage: 'probe', piece: (name: string) => void order.push(name) }];
    buildRelease(tree('first'), { root: PROJECT_ROOT, meta, compiledSchemasDir, outputs, whenValid: (data) => void order.push(`valid ${data.stations.length}`) });
    expect(order[0]).toMatch(/^valid \d+$/);
    expect(order.length).toBeGreaterThan(1);
    const invalid = fixture().edit('stations', (r) => delete r[0].status);
    let called = false;
    const refused = buildRelease(tree('refused'), { root: invalid.root, meta, compiledSchemasDir, outputs: [], whenValid: () => void (called = true) });
    expect(refused.refused).toBe(true);
    expect(called).toBe(false);
  });
});
