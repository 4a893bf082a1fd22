/**
 * One measured build, run in its own process so that peak RSS belongs to it:
 * `node measure.js DIR` builds DIR/data into DIR/dist exactly as `npm run build`
 * does, and prints JSON with the seconds of each stage, the total, the peak RSS,
 * and the JSON floor (JSON.parse + JSON.stringify of the same files).
 * `--downloads` also builds the workbook and the database (in this thread, one
 * after the other, so that each has a stage of its own); without it they are
 * left out, as they are meant for the real dataset, not for 100,000 records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../../schemas/index.js';
import { addToBundle, buildBundle } from '../build/bundle.js';
import { buildDownloads } from '../build/downloads.js';
import { releaseInfo } from '../build/release-info.js';
import { tables } from '../build/tables.js';
import type { Dataset } from '../build/dataset.js';
import { COMPILED_SCHEMAS, packageMeta } from '../build/meta.js';
import { writeAtomically } from '../build/write-atomically.js';
import { projectRoot } from '../lib/cli.js';
import { lintData } from '../lint/run.js';
import { countLevels } from '../lint/problems.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: measure.js DIR');
  process.exit(2);
}
const started = performance.now();
const lint = lintData(dir);
if (countLevels(lint.problems).errors) {
  console.error(`the generated data has errors: ${lint.problems.find((p) => p.level === 'error')?.message}`);
  process.exit(1);
}
const bundle = buildBundle(lint.data as unknown as Dataset, packageMeta(projectRoot()), COMPILED_SCHEMAS);
if (process.argv.includes('--downloads')) {
  const downloads = await buildDownloads(tables, lint.data as unknown as Dataset, releaseInfo(projectRoot()));
  addToBundle(bundle, downloads.files, packageMeta(projectRoot()));
  Object.assign(bundle.timings, downloads.timings);
}
let t = performance.now();
writeAtomically(join(dir, 'dist'), bundle.files);
const write = (performance.now() - t) / 1000;
const total = (performance.now() - started) / 1000;

// The floor: parsing and serialising the same JSON, nothing else.
const texts = collections.map((c) => readFileSync(join(dir, c.file), 'utf8'));
t = performance.now();
for (const text of texts) JSON.stringify(JSON.parse(text));
const floor = (performance.now() - t) / 1000;

const stages = {
  'read and parse': lint.timings.read,
  'Zod validation': lint.timings.records,
  'cross-record checks': lint.timings.dataset,
  ...bundle.timings,
  write,
};
console.log(JSON.stringify({ stages, total, floor, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
