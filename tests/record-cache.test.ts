/**
 * The record checks of unchanged files come from a cache: the problems must be
 * the same as without it, a kept result must be used only for the same text
 * and code, and a damaged entry must be checked again.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordCache } from '../scripts/lint/record-cache.js';
import { lintData } from '../scripts/lint/run.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';

const broken = () => fixture().edit('stations', (r) => (r[0].status.value = 'no-such-status'));
const scratch = () => mkdtempSync(join(tmpdir(), 'ops-records-'));
const asJson = (problems: ReturnType<typeof lintData>['problems']) => problems.map((p) => JSON.stringify(p));

describe('the record-check cache', () => {
  it('is not made for code run from the TypeScript sources', () => {
    expect(recordCache(PROJECT_ROOT)).toBeUndefined();
  });

  it('gives the same problems as checking, on the first run and the next', () => {
    const f = broken();
    const dir = scratch();
    const plain = lintData(f.root).problems;
    expect(plain.some((p) => p.scope === 'record')).toBe(true);
    const first = lintData(f.root, { cache: recordCache(PROJECT_ROOT, { dir, stamp: 's1' }) }).problems;
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    const second = lintData(f.root, { cache: recordCache(PROJECT_ROOT, { dir, stamp: 's1' }) }).problems;
    expect(asJson(first)).toEqual(asJson(plain));
    expect(asJson(second)).toEqual(asJson(plain));
  });

  it('is used only for the same text and the same code', () => {
    const f = broken();
    const dir = scratch();
    const cache = () => recordCache(PROJECT_ROOT, { dir, stamp: 's1' });
    lintData(f.root, { cache: cache() });
    // Put a marker in every kept entry: a run that uses the cache reports it.
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), JSON.stringify({ problems: [{ level: 'error', scope: 'record', check: 'marker', file: 'data/x.json', path: '', message: 'from the cache', tip: '' }] }));
    expect(lintData(f.root, { cache: cache() }).problems.some((p) => p.check === 'marker')).toBe(true);
    expect(lintData(f.root, { cache: recordCache(PROJECT_ROOT, { dir, stamp: 's2' }) }).problems.some((p) => p.check === 'marker'), 'other code').toBe(false);
    f.edit('stations', (r) => (r[0].status.value = 'another-unknown-status'));
    const edited = lintData(f.root, { cache: cache() }).problems;
    expect(edited.filter((p) => p.file === 'data/stations.json' && p.check === 'marker')).toEqual([]);
    expect(edited.some((p) => p.file === 'data/stations.json' && p.scope === 'record')).toBe(true);
  });

  it('checks again when an entry is damaged', () => {
    const f = broken();
    const dir = scratch();
    lintData(f.root, { cache: recordCache(PROJECT_ROOT, { dir, stamp: 's1' }) });
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"problems": [');
    const again = lintData(f.root, { cache: recordCache(PROJECT_ROOT, { dir, stamp: 's1' }) }).problems;
    expect(asJson(again)).toEqual(asJson(lintData(f.root).problems));
  });
});
