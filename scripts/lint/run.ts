/**
 * The linter: runs the file, record and dataset checks over a `data/` folder
 * and returns every problem found, never stopping at the first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../../schemas/index.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { checkDataset, type Dataset } from './dataset-checks.js';
import type { Problem } from './problems.js';
import { readDataFile, recordId, symlinkIn } from './read-file.js';
import { Locator } from './json-text.js';
import { checkIdRegistry } from './id-registry.js';
import { checkRecords } from './record-checks.js';
import type { RecordCache } from './record-cache.js';

export interface LintResult {
  problems: Problem[];
  /**
   * Records that passed their schema, by collection (what Zod returned). With a record cache, a collection whose
   * record checks came from the cache has none here (`npm run validate` does not need them).
   */
  data: Record<CollectionName, unknown[]>;
  counts: Record<CollectionName, number>;
  /** Things the reader should know that are not problems (e.g. no release tag to compare released ids with). */
  notes: string[];
  /** Seconds spent in each stage, for the benchmark. */
  timings: { read: number; records: number; dataset: number };
}

export interface LintOptions {
  /** Kept record checks of unchanged files (record-cache.ts). */
  cache?: RecordCache | undefined;
}

export function lintData(root: string, options: LintOptions = {}): LintResult {
  const problems: Problem[] = [];
  const dataset = {} as Record<CollectionName, Array<{ index: number; record: unknown }>>;
  const data = {} as Record<CollectionName, unknown[]>;
  const counts = {} as Record<CollectionName, number>;
  const raw = {} as Record<CollectionName, unknown[]>;
  const readable = new Set<CollectionName>();
  const texts = new Map<string, { text: string; starts?: number[] | undefined }>();

  let t = performance.now();
  for (const info of collections) {
    const read = readDataFile(join(root, info.file), info.file);
    problems.push(...read.problems);
    if (read.text !== undefined) texts.set(info.file, { text: read.text, starts: read.starts });
    raw[info.name] = read.records ?? [];
    if (read.records) readable.add(info.name);
    counts[info.name] = raw[info.name].length;
    dataset[info.name] = raw[info.name].map((record, index) => ({ index, record }));
  }
  const readTime = performance.now() - t;

  t = performance.now();
  for (const info of collections) {
    const text = readable.has(info.name) ? texts.get(info.file)?.text : undefined;
    const kept = text === undefined ? undefined : options.cache?.get(info.file, text);
    if (kept) {
      problems.push(...kept);
      data[info.name] = [];
      continue;
    }
    const checked = checkRecords(info, raw[info.name]);
    if (text !== undefined) options.cache?.set(info.file, text, checked.problems);
    problems.push(...checked.problems);
    data[info.name] = checked.valid;
  }
  const recordTime = performance.now() - t;

  t = performance.now();
  problems.push(...checkDataset(dataset as Dataset));
  // Only collections whose file could be read: an unreadable file is already reported, not as removed ids.
  const liveIds = new Map(collections.filter((c) => readable.has(c.name)).map((c) => [c.name, new Set(raw[c.name].map(recordId).filter((id): id is string => id !== undefined))]));
  const notes: string[] = [];
  problems.push(...checkIdRegistry(root, liveIds, notes));
  const datasetTime = performance.now() - t;

  locateProblems(root, problems, texts);

  return { problems, data, counts, notes, timings: { read: readTime / 1000, records: recordTime / 1000, dataset: datasetTime / 1000 } };
}

/** Adds the line and column of the value each problem points at, parsing a file's text only when it has problems. */
export function locateProblems(root: string, problems: Problem[], texts: Map<string, { text: string; starts?: number[] | undefined }>): void {
  const locators = new Map<string, Locator | null>();
  const locatorOf = (file: string): Locator | null => {
    if (!locators.has(file)) {
      const known = texts.get(file);
      let text = known?.text;
      if (text === undefined && symlinkIn(root, file) === undefined) {
        try {
          text = readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '');
        } catch {
          text = undefined;
        }
      }
      locators.set(file, text === undefined ? null : new Locator(text, known?.starts));
    }
    return locators.get(file)!;
  };
  for (const p of problems) {
    if (p.line !== undefined || p.path === '') continue;
    const where = locatorOf(p.file)?.locate(p.path);
    if (where) {
      p.line = where.line;
      p.column = where.column;
    }
  }
}
