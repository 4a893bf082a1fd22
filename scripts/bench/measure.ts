/**
 * One measured build, run in its own process so that peak RSS belongs to it:
 * `node measure.js DIR` builds DIR/data into DIR/dist exactly as `npm run build`
 * does (collection by collection, release.ts), and prints JSON with the seconds of each stage, the total, the peak RSS,
 * and the JSON floor (JSON.parse + JSON.stringify of the same files).
 * `--downloads` also builds the workbook and the database (in this thread, one
 * after the other, so that each has a stage of its own); without it they are
 * left out, as they are meant for the real dataset, not for 100,000 records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../../schemas/index.js';
import { buildDownloads } from '../build/downloads.js';
import { releaseInfo } from '../build/release-info.js';
import { tables } from '../build/tables.js';
import { COMPILED_SCHEMAS, packageMeta } from '../build/meta.js';
import { writeAtomically } from '../build/write-atomically.js';
import { projectRoot } from '../lib/cli.js';
import { buildRelease, type ReleaseResult } from '../build/release.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: measure.js DIR');
  process.exit(2);
}
const started = performance.now();
let release: ReleaseResult | undefined;
let t = 0;
const downloads = process.argv.includes('--downloads');
await writeAtomically(join(dir, 'dist'), async (temp) => {
  release = buildRelease(temp, { root: dir, meta: packageMeta(projectRoot()), compiledSchemasDir: COMPILED_SCHEMAS, keepData: downloads });
  if (release.refused || release.bundleProblems.length) {
    console.error(`the generated data does not build: ${release.lint.problems.find((p) => p.level === 'error')?.message ?? release.bundleProblems[0]}`);
    process.exit(1);
  }
  if (downloads) {
    const built = await buildDownloads(tables, release.data!, releaseInfo(projectRoot()));
    release.add(built.files);
    Object.assign(release.timings, built.timings);
  }
  t = performance.now();
});
const write = (performance.now() - t) / 1000;
const total = (performance.now() - started) / 1000;

// The build's peak, before the floor below adds its own.
const maxRssMiB = process.resourceUsage().maxRSS / 1024;

// The floor, as the issue defines it: parsing and serialising the same JSON, nothing else (the texts read first, not timed).
const texts = collections.map((c) => readFileSync(join(dir, c.file), 'utf8'));
t = performance.now();
for (const text of texts) JSON.stringify(JSON.parse(text));
const floor = (performance.now() - t) / 1000;

const { 'read and parse': read, 'Zod validation': zod, 'cross-record checks': cross, ...outputs } = release!.timings;
const stages = { 'read and parse': read, 'Zod validation': zod, 'cross-record checks': cross, ...outputs, 'swap into place': write };
console.log(JSON.stringify({ stages, total, floor, maxRssMiB }));
