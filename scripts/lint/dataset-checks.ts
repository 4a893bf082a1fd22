/**
 * Runs the lint rules (scripts/lint/rules/*) over the parsed records: what the
 * schemas cannot show on their own. This file only builds the rules' view of
 * the dataset and collects what they report; the checks live in the rules.
 * Every rule is a pass over the records with maps: linear in the data size.
 */
import type { CollectionName } from '../../schemas/primitives.js';
import { collections } from '../../schemas/index.js';
import { pointer, type Problem } from './problems.js';
import { forEachReference } from './schema-walk.js';
import { rules as allRules } from './rules/index.js';
import type { DatasetContext, DatasetView, Path, RecordContext, ReportOptions, Row, Rule } from './rules/rule.js';

/** Records by collection, as parsed from the files; each record kept with its index in its file. */
export type Dataset = Record<CollectionName, ReadonlyArray<{ index: number; record: unknown }>>;

const fileOf = (name: CollectionName) => collections.find((c) => c.name === name)!.file;

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The rules' view of a dataset: object records only (anything else was already reported by its schema). */
export function datasetView(input: Partial<Dataset>): DatasetView & { recordAt(collection: CollectionName, index: number): Record<string, unknown> | undefined } {
  const rows = Object.fromEntries(
    collections.map((c) => [c.name, (input[c.name] ?? []).filter((r): r is Row => isRecord(r.record))]),
  ) as Record<CollectionName, Row[]>;
  const ids = new Map<CollectionName, Map<string, number>>();
  const idsOf = (collection: CollectionName) => {
    let map = ids.get(collection);
    if (!map) {
      map = new Map();
      for (const { index, record } of rows[collection]) if (typeof record.id === 'string' && !map.has(record.id)) map.set(record.id, index);
      ids.set(collection, map);
    }
    return map;
  };
  const byIndex = new Map<CollectionName, Map<number, Record<string, unknown>>>();
  const recordAt = (collection: CollectionName, index: number) => {
    let map = byIndex.get(collection);
    if (!map) byIndex.set(collection, (map = new Map(rows[collection].map((r) => [r.index, r.record]))));
    return map.get(index);
  };
  let used: Map<CollectionName, Set<string>> | undefined;
  const referenced = (collection: CollectionName) => {
    if (!used) {
      const sets = new Map<CollectionName, Set<string>>(collections.map((c) => [c.name, new Set<string>()]));
      for (const info of collections) {
        for (const { record } of rows[info.name]) forEachReference(info.schema, record, (target, id) => sets.get(target)!.add(id));
      }
      used = sets;
    }
    return used.get(collection)!;
  };
  return {
    rows,
    ids: idsOf,
    lookup: (collection, id) => {
      const index = idsOf(collection).get(id);
      return index === undefined ? undefined : recordAt(collection, index);
    },
    referenced,
    recordAt,
  };
}

/** Runs `rules` (default: all of them) and returns what they report. */
export function checkDataset(input: Partial<Dataset>, rules: readonly Rule[] = allRules): Problem[] {
  return runRules(datasetView(input), rules);
}

/**
 * Runs `rules` over a view of the dataset (the whole of it, or the piece the
 * streaming linter holds). A dataset rule's `ctx.state` is `states`' entry for
 * it (made empty if missing), so that a caller that runs the rules piece by
 * piece hands the same memory to each piece; `finish` runs unless `finish` is
 * false (that caller runs the rules once more after the last piece, on no
 * records, with `finish` true).
 */
export function runRules(view: DatasetView & { recordAt(collection: CollectionName, index: number): Record<string, unknown> | undefined }, rules: readonly Rule[], states = new Map<Rule, Record<string, unknown>>(), finish = true): Problem[] {
  const problems: Problem[] = [];
  for (const rule of rules) {
    const make = (collection: CollectionName, index: number, id: unknown, path: Path, message: string, options: ReportOptions = {}): Problem => ({
      level: options.level ?? 'error',
      scope: rule.scope,
      check: options.check ?? rule.check,
      file: fileOf(collection),
      id: typeof id === 'string' ? id : undefined,
      path: pointer([index, ...path]),
      message,
      expected: options.expected,
      tip: options.tip,
    });
    if (rule.scope === 'dataset') {
      let state = states.get(rule);
      if (!state) states.set(rule, (state = {}));
      const ctx: DatasetContext = {
        ...view,
        state,
        report: (collection, index, path, message, options) => {
          problems.push(make(collection, index, view.recordAt(collection, index)?.id, path, message, options));
        },
        reportFile: (collection, message, options) => problems.push({ ...make(collection, 0, undefined, [], message, options), path: '' }),
      };
      rule.run(ctx);
      if (finish) rule.finish?.(ctx);
      continue;
    }
    const targets = rule.collections === 'all' ? collections.map((c) => c.name) : rule.collections;
    for (const collection of targets) {
      // One context per rule and collection, moved from record to record.
      const ctx: RecordContext = {
        ...view, collection, index: 0, id: undefined,
        report: (path, message, options) => problems.push(make(collection, ctx.index, ctx.id, path, message, options)),
      };
      for (const { index, record } of view.rows[collection]) {
        ctx.index = index;
        ctx.id = typeof record.id === 'string' ? record.id : undefined;
        rule.run(record, ctx);
      }
    }
  }
  return problems;
}
