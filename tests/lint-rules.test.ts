/**
 * Every lint rule against its own fixtures (scripts/lint/rules/<name>/pass.json
 * and fail.json): the fail cases must produce exactly the expected problems,
 * the pass cases none. A rule folder missing from rules/index.ts fails here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, type Dataset } from '../scripts/lint/dataset-checks.js';
import { readFixtures, type FixtureCase } from '../scripts/lint/rules/fixtures.js';
import { rules } from '../scripts/lint/rules/index.js';

const RULES_DIR = resolve(import.meta.dirname, '../scripts/lint/rules');

const toDataset = (c: FixtureCase) =>
  Object.fromEntries(Object.entries(c.data).map(([name, records]) => [name, records!.map((record, index) => ({ index, record }))])) as Partial<Dataset>;

describe('the rule list', () => {
  it('holds every rule folder once, under its own name', () => {
    const folders = readdirSync(RULES_DIR).filter((f) => statSync(join(RULES_DIR, f)).isDirectory()).sort();
    expect(rules.map((r) => r.name).sort()).toEqual(folders);
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
  });
});

describe.each(rules.map((rule) => [rule.name, rule] as const))('rule %s', (name, rule) => {
  it('has a description and both fixtures', () => {
    expect(rule.description.length).toBeGreaterThan(10);
    for (const kind of ['pass', 'fail']) expect(existsSync(join(RULES_DIR, name, `${kind}.json`)), `${name}/${kind}.json`).toBe(true);
  });

  it.each(readFixtures(RULES_DIR, name, 'fail').map((c) => [c.name, c] as const))('fails: %s', (_n, c) => {
    expect(c.expect?.length, 'a fail case lists the problems it must produce').toBeGreaterThan(0);
    const got = checkDataset(toDataset(c), [rule]).map((p) => ({ file: p.file, id: p.id, path: p.path, check: p.check, level: p.level }));
    const want = c.expect!.map((e) => ({ file: e.file, id: e.id, path: e.path, check: e.check ?? rule.check, level: e.level ?? 'error' }));
    const key = (p: object) => JSON.stringify(p);
    expect(got.map(key).sort()).toEqual(want.map(key).sort());
    for (const p of checkDataset(toDataset(c), [rule])) {
      expect(p.scope).toBe(rule.scope);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it.each(readFixtures(RULES_DIR, name, 'pass').map((c) => [c.name, c] as const))('passes: %s', (_n, c) => {
    expect(checkDataset(toDataset(c), [rule])).toEqual([]);
  });
});
