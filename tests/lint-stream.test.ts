/**
 * The streaming linter (scripts/lint/stream.ts), which the build uses, against
 * the whole-dataset one (lintData, checkDataset): the same problems on every
 * rule's fixtures and on the real data; an order of collections in which every
 * reference points backwards; and a clear error for a rule that asks for what
 * the streaming linter does not hold.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { collections, type CollectionInfo } from '../schemas/index.js';
import { ref } from '../schemas/primitives.js';
import { checkDataset, type Dataset } from '../scripts/lint/dataset-checks.js';
import type { Problem } from '../scripts/lint/problems.js';
import { readFixtures, type FixtureCase } from '../scripts/lint/rules/fixtures.js';
import { rules } from '../scripts/lint/rules/index.js';
import type { DatasetRule, Rule } from '../scripts/lint/rules/rule.js';
import { lintData } from '../scripts/lint/run.js';
import { lintByCollection, referenceTargetsOf, streamingOrder, StreamingRuleError } from '../scripts/lint/stream.js';
import { PROJECT_ROOT } from './helpers/fixture.js';

const RULES_DIR = resolve(import.meta.dirname, '../scripts/lint/rules');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function rootWith(data: FixtureCase['data']): string {
  const root = mkdtempSync(join(tmpdir(), 'ops-stream-'));
  roots.push(root);
  mkdirSync(join(root, 'data'));
  for (const c of collections) writeFileSync(join(root, c.file), JSON.stringify(data[c.name] ?? []));
  return root;
}

const key = (p: Problem) => JSON.stringify(p);
/** What a rule reported, without the file and schema checks that the streaming linter also runs, nor the line and column that it adds as lintData does. */
const ruleOnly = (problems: Problem[]) =>
  problems
    .filter((p) => p.scope !== 'file' && !(p.scope === 'record' && p.check === 'schema'))
    .map(({ line: _l, column: _c, ...p }) => key(p))
    .sort();
const toDataset = (c: FixtureCase) =>
  Object.fromEntries(Object.entries(c.data).map(([name, records]) => [name, records!.map((record, index) => ({ index, record }))])) as Partial<Dataset>;

describe('the order of collections', () => {
  it('puts every collection after the ones it references', () => {
    const seen = new Set<string>();
    for (const c of streamingOrder()) {
      for (const target of referenceTargetsOf(c.schema)) if (target !== c.name) expect(seen.has(target), `${c.name} references ${target}`).toBe(true);
      seen.add(c.name);
    }
    expect([...seen].sort()).toEqual(collections.map((c) => c.name).sort());
  });

  it('refuses collections that reference each other in a cycle', () => {
    const a = { ...collections[0]!, schema: z.object({ other: ref('actors') }) } as unknown as CollectionInfo;
    const b = { ...collections[1]!, schema: z.object({ other: ref('sources') }) } as unknown as CollectionInfo;
    expect(() => streamingOrder([a, b])).toThrow(/cycle/);
  });
});

describe.each(rules.map((rule) => [rule.name, rule] as const))('rule %s, collection by collection', (name, rule) => {
  const cases = [...readFixtures(RULES_DIR, name, 'fail'), ...readFixtures(RULES_DIR, name, 'pass')];
  it.each(cases.map((c) => [c.name, c] as const))('reports what checkDataset reports: %s', (_n, c) => {
    const streamed = lintByCollection(rootWith(c.data), () => {}, [rule]).problems;
    expect(ruleOnly(streamed)).toEqual(checkDataset(toDataset(c), [rule]).map(key).sort());
  });
  // A piece of one record: what a rule learns from one record for another must go through ctx.state.
  it.each(cases.map((c) => [c.name, c] as const))('reports the same a record at a time: %s', (_n, c) => {
    const streamed = lintByCollection(rootWith(c.data), () => {}, [rule], 1).problems;
    expect(ruleOnly(streamed)).toEqual(checkDataset(toDataset(c), [rule]).map(key).sort());
  });
});

describe('rules run a piece at a time', () => {
  it('misses what a rule that forgets between pieces would miss (the check above can fail)', () => {
    const preferred = rules.find((r) => r.name === 'preferred-figure') as DatasetRule;
    // The same rule, with a fresh memory for every piece.
    const forgetful: DatasetRule = { ...preferred, run: (ctx) => preferred.run({ ...ctx, state: {} }) };
    const [c] = readFixtures(RULES_DIR, 'preferred-figure', 'fail');
    const whole = checkDataset(toDataset(c!), [forgetful]).map(key);
    expect(whole).toHaveLength(1);
    expect(ruleOnly(lintByCollection(rootWith(c!.data), () => {}, [forgetful]).problems)).toEqual(whole);
    expect(ruleOnly(lintByCollection(rootWith(c!.data), () => {}, [forgetful], 1).problems)).toEqual([]);
  });

  it('says what the excerpt rule says of a whole file once, after its last piece', () => {
    const [c] = readFixtures(RULES_DIR, 'citation-excerpt', 'fail');
    const excerpt = rules.find((r) => r.name === 'citation-excerpt')!;
    const problems = lintByCollection(rootWith(c!.data), () => {}, [excerpt], 1).problems.filter((p) => p.check === 'excerpt');
    expect(problems.map((p) => p.path)).toEqual(['/1/sources/0', '']);
  });
});

describe('the streaming linter', () => {
  it('finds the same problems in the real data as lintData, in the same order within each file', () => {
    const byFile = (problems: Problem[]) => {
      const out: Record<string, string[]> = {};
      for (const p of problems) (out[p.file] ??= []).push(key(p));
      return out;
    };
    const seen: string[] = [];
    const streamed = lintByCollection(PROJECT_ROOT, (pass) => seen.push(pass.info.name));
    expect(byFile(streamed.problems)).toEqual(byFile(lintData(PROJECT_ROOT).problems));
    expect(seen).toEqual(streamingOrder().map((c) => c.name));
    expect(Object.keys(streamed.counts)).toEqual(collections.map((c) => c.name));
  });

  it('says which rule asks for what it does not hold', () => {
    const root = rootWith({ sources: [{ id: 'a', title: 'T' }], actors: [{ id: 'b', sources: [{ source: 'a' }] }] });
    const readsTitle: Rule = {
      name: 'reads-title', scope: 'record', collections: ['actors'], check: 'x', description: 'reads a field the streaming linter drops',
      run: (_r, ctx) => void (ctx.lookup('sources', 'a') as Record<string, unknown>).title,
    };
    expect(() => lintByCollection(root, () => {}, [readsTitle])).toThrow(StreamingRuleError);
    expect(() => lintByCollection(root, () => {}, [readsTitle])).toThrow(/KEPT_FIELDS/);
    const wantsReferences: Rule = { name: 'refs', scope: 'dataset', check: 'x', description: 'asks for references too early', run: (ctx) => void ctx.referenced('sources') };
    expect(() => lintByCollection(root, () => {}, [wantsReferences])).toThrow(/at-end/);
    expect(() => lintByCollection(root, () => {}, [{ ...wantsReferences, streaming: 'at-end' }])).not.toThrow();
  });

  it('marks a collection as failed from its first error on, and still reads the rest', () => {
    const root = rootWith({ sources: [{ id: 'a' }] });
    const passes: Array<[string, boolean]> = [];
    const result = lintByCollection(root, (pass) => passes.push([pass.info.name, pass.failed]));
    expect(passes[0]).toEqual(['sources', true]);
    expect(passes.every(([, failed]) => failed)).toBe(true);
    expect(passes).toHaveLength(collections.length);
    expect(result.problems.some((p) => p.file === 'data/sources.json' && p.check === 'schema')).toBe(true);
  });

  it('says so, and builds nothing more of it, when a file changes between its rules and its pieces', () => {
    const root = rootWith({ sources: [{ id: 'a' }, { id: 'b' }] });
    const file = join(root, 'data/sources.json');
    const passes: Array<[number, boolean]> = [];
    const result = lintByCollection(root, (pass) => {
      if (pass.info.name !== 'sources') return;
      passes.push([pass.valid.length, pass.failed]);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"b"', '"c"'));
    }, undefined, 1);
    const changed = result.problems.filter((p) => p.file === 'data/sources.json' && /changed .* while the build was reading it/.test(p.message));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.level).toBe('error');
    expect(passes.at(-1)![1]).toBe(true);
  });
});
