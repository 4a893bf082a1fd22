/**
 * The linter: runs the file, record and dataset checks over a `data/` folder
 * and returns every problem found, never stopping at the first.
 */
import { join } from 'node:path';
import { collections } from '../../schemas/index.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { checkDataset, type Dataset } from './dataset-checks.js';
import type { Problem } from './problems.js';
import { readDataFile, recordId } from './read-file.js';
import { checkIdRegistry } from './id-registry.js';
import { checkRecords } from './record-checks.js';

export interface LintResult {
  problems: Problem[];
  /** Records that passed their schema, by collection (what Zod returned). */
  data: Record<CollectionName, unknown[]>;
  counts: Record<CollectionName, number>;
  /** Seconds spent in each stage, for the benchmark. */
  timings: { read: number; records: number; dataset: number };
}

export function lintData(root: string): LintResult {
  const problems: Problem[] = [];
  const dataset = {} as Record<CollectionName, Array<{ index: number; record: unknown }>>;
  const data = {} as Record<CollectionName, unknown[]>;
  const counts = {} as Record<CollectionName, number>;
  const raw = {} as Record<CollectionName, unknown[]>;
  const readable = new Set<CollectionName>();

  let t = performance.now();
  for (const info of collections) {
    const read = readDataFile(join(root, info.file), info.file);
    problems.push(...read.problems);
    raw[info.name] = read.records ?? [];
    if (read.records) readable.add(info.name);
    counts[info.name] = raw[info.name].length;
    dataset[info.name] = raw[info.name].map((record, index) => ({ index, record }));
  }
  const readTime = performance.now() - t;

  t = performance.now();
  for (const info of collections) {
    const checked = checkRecords(info, raw[info.name]);
    problems.push(...checked.problems);
    data[info.name] = checked.valid;
  }
  const recordTime = performance.now() - t;

  t = performance.now();
  problems.push(...checkDataset(dataset as Dataset));
  // Only collections whose file could be read: an unreadable file is already reported, not as removed ids.
  const liveIds = new Map(collections.filter((c) => readable.has(c.name)).map((c) => [c.name, new Set(raw[c.name].map(recordId).filter((id): id is string => id !== undefined))]));
  problems.push(...checkIdRegistry(root, liveIds));
  const datasetTime = performance.now() - t;

  return { problems, data, counts, timings: { read: readTime / 1000, records: recordTime / 1000, dataset: datasetTime / 1000 } };
}
