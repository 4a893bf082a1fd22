/**
 * The interface every lint rule implements. A rule is one folder under
 * scripts/lint/rules/<name>/ holding `rule.ts` (default export: a rule),
 * `pass.json` and `fail.json` (its fixtures, see fixtures.ts), and one line in
 * rules/index.ts. Rules run on the parsed records of every readable file
 * (objects only; a record that fails its schema is still checked), after the
 * file and schema checks.
 *
 * - A record rule sees one record at a time (`run(record, ctx)`) and reports
 *   paths relative to that record.
 * - A dataset rule sees many records at once (`run(ctx)`: the whole dataset
 *   for `npm run validate`, a piece at a time in the build, see `streaming`)
 *   and reports a collection, a record index and a path inside that record.
 */
import type { CollectionName } from '../../../schemas/primitives.js';
import type { Level } from '../problems.js';

export type Path = ReadonlyArray<string | number>;

/** What a rule may add to a problem besides its message. */
export interface ReportOptions {
  tip?: string | undefined;
  expected?: string | undefined;
  /** Default `error`. */
  level?: Level;
  /** The problem's check name; defaults to the rule's `check`. */
  check?: string;
}

export type Row = { index: number; record: Record<string, unknown> };

/** The dataset as the rules see it: the object records of every collection, with their index in the file. */
export interface DatasetView {
  rows: Record<CollectionName, readonly Row[]>;
  /** Every id of a collection, mapped to the index of its first record. */
  ids(collection: CollectionName): ReadonlyMap<string, number>;
  /** The first record of a collection with this id. */
  lookup(collection: CollectionName, id: string): Record<string, unknown> | undefined;
  /** The ids of a collection that some record references (memoised; computed from the schemas' reference fields). */
  referenced(collection: CollectionName): ReadonlySet<string>;
}

export interface RecordContext extends DatasetView {
  collection: CollectionName;
  index: number;
  /** The record's id when it has a string one. */
  id: string | undefined;
  /** Reports a problem at `path` inside the current record (`[]` for the whole record). */
  report(path: Path, message: string, options?: ReportOptions): void;
}

export interface DatasetContext extends DatasetView {
  /** Reports a problem at `path` inside record `index` of `collection`. */
  report(collection: CollectionName, index: number, path: Path, message: string, options?: ReportOptions): void;
  /** Reports a problem about a whole file (no record, empty path), e.g. a coverage summary. */
  reportFile(collection: CollectionName, message: string, options?: ReportOptions): void;
  /**
   * The rule's own memory across the pieces of one run (see DatasetRule): the
   * same object for every call of `run` and for `finish`, empty at the start.
   */
  state: Record<string, unknown>;
}

interface RuleBase {
  /** The folder name; unique. */
  name: string;
  /** Default check name printed with each problem (`[record/<check>]`). Several rules may share one. */
  check: string;
  /** One sentence: what the rule requires. */
  description: string;
}

export interface RecordRule extends RuleBase {
  scope: 'record';
  collections: readonly CollectionName[] | 'all';
  run(record: Record<string, unknown>, ctx: RecordContext): void;
}

export interface DatasetRule extends RuleBase {
  scope: 'dataset';
  /**
   * How the streaming linter (scripts/lint/stream.ts, used by the build) runs
   * it without holding every collection at once:
   * - `per-collection` (the default): once per piece of a collection, with
   *   `ctx.rows` holding only that piece's records (in file order, the pieces
   *   in order), `ctx.ids` complete for that collection and every collection
   *   it may reference, and `ctx.state` kept from piece to piece; `finish`
   *   after the last piece. The rule's findings about a collection depend on
   *   nothing else, and what it learns from one record that it needs for a
   *   later one goes in `ctx.state`.
   * - `at-end`: once, after every collection, with `ctx.rows` holding records
   *   reduced to their id and `ctx.referenced` complete.
   * tests/lint-stream.test.ts runs every rule's fixtures both ways.
   */
  streaming?: 'per-collection' | 'at-end';
  /** Called with records (the whole dataset, or one piece of it: see `streaming`). */
  run(ctx: DatasetContext): void;
  /** Called once after the last `run` of a pass, with the same `ctx.state` (for what is said of a file as a whole). */
  finish?(ctx: DatasetContext): void;
}

export type Rule = RecordRule | DatasetRule;
