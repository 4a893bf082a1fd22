/**
 * The linter, one collection at a time and, within a collection, one piece
 * at a time: the checks of lintData (run.ts), for a build that must not hold a
 * whole collection, let alone every one. A first pass over a collection's file
 * keeps what the rules need of all its records: its ids (for references and
 * duplicates), the few fields of its records that rules look up (KEPT_FIELDS),
 * and the ids its records reference (for the `at-end` rules, such as unused
 * sources). A second pass parses the file again a piece at a time; each piece
 * is checked by the rules and against the schema, handed to the caller with the
 * records Zod returned, and dropped. What later collections need is kept.
 *
 * Collections are read in an order where every reference points to a
 * collection already read (or to the collection itself), so that each
 * reference is checked when its record is. The problems come out grouped as
 * lintData groups them (file, then schema, then each rule in order); within a
 * file they are in the same order.
 */
import type { z } from 'zod';
import { collections, type CollectionInfo } from '../../schemas/index.js';
import { referenceTarget, type CollectionName } from '../../schemas/primitives.js';
import { runRules } from './dataset-checks.js';
import { checkIdRegistry } from './id-registry.js';
import type { Problem } from './problems.js';
import { readRecords } from './read-records.js';
import { locateProblems } from './run.js';
import { checkRecords } from './record-checks.js';
import { rules as allRules } from './rules/index.js';
import type { DatasetView, Row, Rule } from './rules/rule.js';
import { forEachReference, unwrap } from './schema-walk.js';

/**
 * The fields of a collection's records that rules may look up from another
 * collection (`ctx.lookup`) once that collection has been dropped. Reading any
 * other field of such a record throws, naming this list.
 */
export const KEPT_FIELDS: Partial<Record<CollectionName, readonly string[]>> = { sources: ['id', 'read'] };

/** Thrown when a rule asks the streaming linter for something it does not hold: a mistake in the rule's declaration. */
export class StreamingRuleError extends Error {}

/** The collections a schema's records may reference (its `ref()` fields), found by walking the schema. */
export function referenceTargetsOf(schema: z.ZodType, out = new Set<CollectionName>(), seen = new Set<unknown>()): Set<CollectionName> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const inner = unwrap(schema);
  const target = referenceTarget(schema) ?? referenceTarget(inner);
  if (target) {
    out.add(target);
    return out;
  }
  const d = inner._zod.def as unknown as { shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };
  for (const child of Object.values(d.shape ?? {})) referenceTargetsOf(child, out, seen);
  if (d.element) referenceTargetsOf(d.element, out, seen);
  for (const option of d.options ?? []) referenceTargetsOf(option, out, seen);
  return out;
}

/** The collections in an order where each references only itself and those before it (collections.ts order where possible). */
export function streamingOrder(list: readonly CollectionInfo[] = collections): CollectionInfo[] {
  const targets = new Map(list.map((c) => [c.name, [...referenceTargetsOf(c.schema)].filter((t) => t !== c.name)]));
  const order: CollectionInfo[] = [];
  const placed = new Set<CollectionName>();
  while (order.length < list.length) {
    const next = list.find((c) => !placed.has(c.name) && targets.get(c.name)!.every((t) => placed.has(t)));
    if (!next) throw new Error(`the collections reference each other in a cycle (${list.filter((c) => !placed.has(c.name)).map((c) => c.name).join(', ')}); the streaming linter cannot order them`);
    order.push(next);
    placed.add(next.name);
  }
  return order;
}

/**
 * One piece of a collection: the records Zod returned for the records at
 * `offset` … `offset + size - 1` of the file that passed their schema. Every
 * collection gives at least one pass (an empty one for an empty or unreadable
 * file); `first` and `last` mark its first and last piece.
 */
export interface CollectionPass {
  info: CollectionInfo;
  /** What Zod returned for the records of this piece that passed their schema, in file order. */
  valid: unknown[];
  /** The index in the file of the piece's first record. */
  offset: number;
  first: boolean;
  last: boolean;
  /** Whether an error has been found so far, in this collection (its file, its rules, its records up to this piece) or one before it. */
  failed: boolean;
}

/** How many records Zod checks before they are handed on (and dropped): a collection's validated copy is never held whole. */
export const RECORDS_PER_PASS = 1000;

export interface StreamLintResult {
  problems: Problem[];
  /** Things the reader should know that are not problems (as lintData's). */
  notes: string[];
  counts: Record<CollectionName, number>;
  /** Seconds spent in each stage, for the benchmark. */
  timings: { read: number; records: number; dataset: number };
}

const NO_IDS: ReadonlyMap<string, number> = new Map();

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** A record reduced to some of its fields; reading any other field throws. */
function slim(record: Record<string, unknown>, collection: CollectionName, fields: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const f of fields) if (f in record) kept[f] = record[f];
  return new Proxy(kept, {
    get(target, key) {
      if (typeof key === 'symbol' || fields.includes(key)) return target[key as string];
      throw new StreamingRuleError(`a rule read "${key}" of a record of ${collection}, but the streaming linter keeps only ${fields.join(', ')} of them: add the field to KEPT_FIELDS in scripts/lint/stream.ts`);
    },
  });
}

/**
 * Lints `root`'s data/ collection by collection and calls `visit` after each
 * one with the records that passed their schema. Returns every problem, as
 * lintData would.
 */
export function lintByCollection(root: string, visit: (pass: CollectionPass) => void, rules: readonly Rule[] = allRules, recordsPerPass = RECORDS_PER_PASS): StreamLintResult {
  const fileProblems = new Map<CollectionName, Problem[]>();
  const recordProblems = new Map<CollectionName, Problem[]>();
  const ruleProblems = rules.map(() => new Map<CollectionName, Problem[]>());
  const counts = {} as Record<CollectionName, number>;
  const idMaps = new Map<CollectionName, Map<string, number>>();
  /** Per record index: its id, null for an object record without a string id, undefined for a record that is no object. */
  const idsByIndex = new Map<CollectionName, Array<string | null | undefined>>();
  const kept = new Map<CollectionName, Map<string, Record<string, unknown>>>();
  const referenced = new Map(collections.map((c) => [c.name, new Set<string>()]));
  const readable = new Set<CollectionName>();
  const timings = { read: 0, records: 0, dataset: 0 };
  let errors = 0;
  const countErrors = (list: readonly Problem[]) => {
    for (const p of list) if (p.level === 'error') errors++;
  };
  const endRules = rules.filter((r) => r.scope === 'dataset' && r.streaming === 'at-end');

  /**
   * One collection, in two passes over its file, so that its parsed records are never held together.
   * The first (read-records.ts) parses it record by record and keeps only what the rules need of the whole
   * collection: the index of each id, the id at each index, the fields that rules look up (KEPT_FIELDS) and the
   * ids it references. The second reads and parses it again RECORDS_PER_PASS records at a time; each piece is
   * checked by the rules (a dataset rule keeps what it needs from piece to piece in its state) and by Zod, and
   * Zod's copies are handed to `visit` and dropped with the piece.
   */
  const lintCollection = (info: CollectionInfo): void => {
    const name = info.name;
    let t = performance.now();
    const fields = KEPT_FIELDS[name];
    let ids = new Map<string, number>();
    let byIndex: Array<string | null | undefined> = [];
    let keptOf = new Map<string, Record<string, unknown>>();
    let refs = new Map<CollectionName, Set<string>>();
    const remember = (record: unknown, index: number) => {
      if (!isRecord(record)) {
        byIndex[index] = undefined;
        return;
      }
      const id = typeof record.id === 'string' ? record.id : null;
      byIndex[index] = id;
      if (id !== null && !ids.has(id)) {
        ids.set(id, index);
        if (fields) keptOf.set(id, slim(record, name, fields));
      }
      forEachReference(info.schema, record, (target, ref) => {
        let set = refs.get(target);
        if (!set) refs.set(target, (set = new Set()));
        set.add(ref);
      });
    };
    const read = readRecords(root, info.file, undefined, remember);
    let raw: unknown[] | undefined;
    if (!read.streamed) {
      // Read whole (see read-records.ts): what the first pass was handed before that is forgotten.
      ids = new Map();
      byIndex = [];
      keptOf = new Map();
      refs = new Map();
      raw = read.records ?? [];
      raw.forEach(remember);
    }
    const total = read.streamed ? read.streamed.count : raw!.length;
    const again = read.again;
    if (read.streamed || read.records) readable.add(name);
    delete read.records;
    delete read.again;
    counts[name] = total;
    fileProblems.set(name, read.problems);
    countErrors(read.problems);
    if (read.problems.length) locateProblems(root, read.problems, read.text === undefined ? new Map() : new Map([[info.file, { text: read.text, starts: read.starts }]]));
    idMaps.set(name, ids);
    idsByIndex.set(name, byIndex);
    if (fields) kept.set(name, keptOf);
    for (const [target, set] of refs) for (const ref of set) referenced.get(target)!.add(ref);
    timings.read += performance.now() - t;

    const states = new Map<Rule, Record<string, unknown>>();
    // The rules that check this collection, each with the list its problems about it go to.
    const active: Array<{ rule: Rule; found: Problem[] }> = [];
    rules.forEach((rule, r) => {
      if (rule.scope === 'dataset' && rule.streaming === 'at-end') return;
      if (rule.scope === 'record' && rule.collections !== 'all' && !rule.collections.includes(name)) return;
      const found: Problem[] = [];
      ruleProblems[r]!.set(name, found);
      active.push({ rule, found });
    });
    const own: Problem[] = [];
    recordProblems.set(name, own);
    /** The rules' view of one piece of this collection (no records at all for the call that finishes them). */
    const viewOf = (rows: Row[]): DatasetView & { recordAt(c: CollectionName, i: number): Record<string, unknown> | undefined } => {
      const byIdx = new Map<number, Record<string, unknown>>();
      for (const row of rows) byIdx.set(row.index, row.record);
      return {
        rows: Object.fromEntries(collections.map((c) => [c.name, c.name === name ? rows : []])) as unknown as DatasetView['rows'],
        // A collection not read yet has no ids here; no record of this one can reference it (streamingOrder).
        ids: (c) => (c === name ? ids : (idMaps.get(c) ?? NO_IDS)),
        lookup: (c, id) => {
          const map = kept.get(c);
          if (!map) throw new StreamingRuleError(`a rule looked up a record of ${c} while checking ${name}, but the streaming linter keeps no fields of ${c}: add them to KEPT_FIELDS in scripts/lint/stream.ts`);
          return map.get(id);
        },
        referenced: () => {
          throw new StreamingRuleError(`a rule asked which ids are referenced while checking ${name}; that is known only after every collection: declare the rule streaming: 'at-end'`);
        },
        recordAt: (c, index) => (c === name ? byIdx.get(index) : undefined),
      };
    };
    const runPiece = (rows: Row[], finish: boolean) => {
      const view = viewOf(rows);
      for (const { rule, found } of active) {
        if (finish && !(rule.scope === 'dataset' && rule.finish)) continue;
        const more = runRules(view, [rule], states, finish);
        found.push(...more);
        countErrors(more);
      }
    };

    let offset = 0;
    do {
      t = performance.now();
      const end = Math.min(total, offset + recordsPerPass);
      const piece = again ? again(offset, end) : raw!.slice(offset, end);
      if (!piece) {
        // The file is not what its first pass read: nothing more of it is checked or built.
        const changed: Problem = {
          level: 'error', scope: 'file', check: 'readable', file: info.file, path: '',
          message: 'the file changed (or went) while the build was reading it',
          tip: 'Run the build again once the file is saved; it checks and builds one version of each file.',
        };
        read.problems.push(changed);
        countErrors([changed]);
        visit({ info, valid: [], offset, first: offset === 0, last: true, failed: true });
        break;
      }
      raw?.fill(undefined, offset, end);
      const parsed = performance.now();
      timings.read += parsed - t;
      const rows: Row[] = [];
      piece.forEach((record, i) => {
        if (isRecord(record)) rows.push({ index: offset + i, record });
      });
      runPiece(rows, false);
      const ruled = performance.now();
      timings.dataset += ruled - parsed;
      const checked = checkRecords(info, piece, offset, total);
      own.push(...checked.problems);
      countErrors(checked.problems);
      timings.records += performance.now() - ruled;
      visit({ info, valid: checked.valid, offset, first: offset === 0, last: end === total, failed: errors > 0 });
      offset = end;
    } while (offset < total);

    // What the rules say of the file as a whole; then the rules' and the schema's problems are located, with
    // the text when the file was read whole, else by reading the file again (as lintData does for a file it could not hold).
    t = performance.now();
    runPiece([], true);
    const found = [...ruleProblems.flatMap((m) => m.get(name) ?? []), ...own];
    if (found.length) locateProblems(root, found, read.text === undefined ? new Map() : new Map([[info.file, { text: read.text, starts: read.starts }]]));
    delete read.text;
    timings.dataset += performance.now() - t;
  };

  for (const info of streamingOrder()) lintCollection(info);

  const t = performance.now();
  const endProblems = new Map<Rule, Problem[]>();
  if (endRules.length) {
    const slimRows = new Map<CollectionName, Row[]>();
    const slimByIndex = new Map<CollectionName, Map<number, Record<string, unknown>>>();
    const rowsOf = (c: CollectionName) => {
      let list = slimRows.get(c);
      if (!list) {
        list = [];
        const fields = [...new Set(['id', ...(KEPT_FIELDS[c] ?? [])])];
        const keptOf = kept.get(c);
        for (const [index, id] of (idsByIndex.get(c) ?? []).entries()) {
          if (id === undefined) continue;
          const full = id !== null && keptOf?.get(id);
          list.push({ index, record: full && idMaps.get(c)!.get(id) === index ? full : slim(id === null ? {} : { id }, c, fields) });
        }
        slimRows.set(c, list);
      }
      return list;
    };
    const rowsView = {} as DatasetView['rows'];
    for (const c of collections) Object.defineProperty(rowsView, c.name, { get: () => rowsOf(c.name), enumerable: true });
    const view = {
      rows: rowsView,
      ids: (c: CollectionName) => idMaps.get(c)!,
      lookup: (c: CollectionName, id: string) => {
        const map = kept.get(c);
        if (!map) throw new StreamingRuleError(`an at-end rule looked up a record of ${c}, but the streaming linter keeps no fields of ${c}: add them to KEPT_FIELDS in scripts/lint/stream.ts`);
        return map.get(id);
      },
      referenced: (c: CollectionName) => referenced.get(c)!,
      recordAt: (c: CollectionName, index: number) => {
        let map = slimByIndex.get(c);
        if (!map) slimByIndex.set(c, (map = new Map(rowsOf(c).map((r) => [r.index, r.record]))));
        return map.get(index);
      },
    };
    for (const rule of endRules) endProblems.set(rule, runRules(view, [rule]));
  }

  const problems: Problem[] = [];
  for (const c of collections) problems.push(...(fileProblems.get(c.name) ?? []));
  for (const c of collections) problems.push(...(recordProblems.get(c.name) ?? []));
  rules.forEach((rule, r) => {
    const atEnd = endProblems.get(rule);
    if (atEnd) problems.push(...atEnd);
    else for (const c of collections) problems.push(...(ruleProblems[r]!.get(c.name) ?? []));
  });
  // Only collections whose file could be read: an unreadable file is already reported, not as removed ids.
  const liveIds = new Map(collections.filter((c) => readable.has(c.name)).map((c) => [c.name, new Set(idMaps.get(c.name)!.keys())]));
  const notes: string[] = [];
  const late = [...[...endProblems.values()].flat(), ...checkIdRegistry(root, liveIds, notes)];
  locateProblems(root, late, new Map());
  problems.push(...late.slice([...endProblems.values()].flat().length));
  timings.dataset += performance.now() - t;

  const ordered = Object.fromEntries(collections.map((c) => [c.name, counts[c.name] ?? 0])) as Record<CollectionName, number>;
  return { problems, notes, counts: ordered, timings: { read: timings.read / 1000, records: timings.records / 1000, dataset: timings.dataset / 1000 } };
}
