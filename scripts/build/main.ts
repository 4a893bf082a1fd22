/**
 * `npm run build [-- --root DIR] [--out DIR] [--force] [--quiet]`: validates
 * data/, builds every release artifact, checks the bundle again, and only then
 * replaces dist/. A failed build leaves the previous dist/ untouched. When
 * nothing the build reads changed since the build that wrote DIR, and DIR
 * still holds what it wrote, nothing is done (see up-to-date.ts); `--force`
 * builds anyway.
 */
import { join, resolve } from 'node:path';
import { isSmallData } from '../lib/small-data.js';
import { lintData } from '../lint/run.js';
import { formatReport } from '../lint/report.js';
import { countLevels } from '../lint/problems.js';
import { parseArgs, projectRoot } from '../lib/cli.js';
import { addToBundle, BundleError, buildBundle } from './bundle.js';
import type { Dataset } from './dataset.js';
import { startDownloads } from './downloads.js';
import { COMPILED_SCHEMAS, packageMeta } from './meta.js';
import { releaseInfo } from './release-info.js';
import { tables } from './tables.js';
import { lockOutput, OutputLockedError, WriteError, writeAtomically } from './write-atomically.js';
import { excerptCoverage, percent, verificationRows, type DatasetRecords } from '../lib/dataset-numbers.js';
import { buildKey, recordBuild, upToDate } from './up-to-date.js';

const args = parseArgs(process.argv.slice(2), { root: 'string', out: 'string', quiet: 'boolean', force: 'boolean' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const project = projectRoot();
const root = resolve(String(args.values.root ?? project));
const out = resolve(String(args.values.out ?? join(root, 'dist')));
const say = (line: string) => {
  if (!args.values.quiet) console.log(line);
};

const started = performance.now();
// Before anything else: one build at a time, and a dist/ that an interrupted build left aside is put back.
try {
  // BUILD_LOCK_WAIT_SECONDS: how long to wait for another build writing the same folder (default 120).
  const waitMs = process.env.BUILD_LOCK_WAIT_SECONDS ? Number(process.env.BUILD_LOCK_WAIT_SECONDS) * 1000 : undefined;
  for (const note of lockOutput(out, { waitMs }).notes) console.warn(`  ⚠ ${note}`);
} catch (error) {
  console.error(error instanceof OutputLockedError ? error.message : `Build failed while preparing ${out}: ${(error as Error).message}`);
  process.exit(1);
}
// Nothing to do when the data, the documents and the code are those of the build that wrote `out`, and `out` is as it wrote it.
const key = buildKey(project, root);
const previous = key && !args.values.force ? upToDate(out, key) : undefined;
if (previous) {
  say(`${out} is up to date: built from the same data, documents and code, and unchanged since (checked in ${((performance.now() - started) / 1000).toFixed(2)} s; --force builds it again)`);
  for (const line of previous) say(line);
  process.exit(0);
}

const lint = lintData(root);
const { errors, warnings } = countLevels(lint.problems);
if (errors > 0) {
  console.error(formatReport(lint.problems, { color: process.stderr.isTTY }));
  console.error(`\nBuild refused: the data has ${errors} error${errors === 1 ? '' : 's'}. Nothing was written; ${out} is unchanged.`);
  process.exit(1);
}

const meta = packageMeta(project);
// The workbook and the database are built in two workers (one each) while this thread builds everything else.
const downloads = startDownloads(releaseInfo(project), { baselineWasm: isSmallData(root) });
const downloaded = downloads.build(tables, lint.data as unknown as Dataset);

let bundle;
try {
  bundle = buildBundle(lint.data as unknown as Dataset, meta, COMPILED_SCHEMAS);
} catch (error) {
  if (error instanceof BundleError) {
    console.error('Build refused: the built bundle failed its checks:');
    for (const p of error.problems) console.error(`  ✖ ${p}`);
    console.error(`Nothing was written; ${out} is unchanged.`);
    downloads.stop();
    process.exit(1);
  }
  throw error;
}

let written;
try {
  addToBundle(bundle, (await downloaded).files, meta);
} catch (error) {
  console.error(`Build refused: the workbook or the database could not be built (${(error as Error).message}). Nothing was written; ${out} is unchanged.`);
  process.exit(1);
}

try {
  written = writeAtomically(out, bundle.files);
} catch (error) {
  const unchanged = error instanceof WriteError && error.unchanged;
  console.error(`Build failed while writing (${(error as Error).message}); ${unchanged ? `${out} is unchanged` : `${out} may be missing until the next build`}.`);
  process.exit(1);
}
for (const left of written.leftovers) console.warn(`  ⚠ ${out} now holds the new build, but the previous one could not be removed from ${left.path} (${left.reason}); the next build removes it.`);

const seconds = ((performance.now() - started) / 1000).toFixed(2);
const summary: string[] = [];
for (const c of Object.keys(lint.counts)) summary.push(`  ${c.padEnd(11)} ${String((lint.data as Record<string, unknown[]>)[c]!.length).padStart(6)} records`);
summary.push(`  ${bundle.files.size} files (${[...bundle.rows.values()].reduce((a, b) => a + b, 0)} CSV rows in ${bundle.rows.size} tables)`);
const coverage = excerptCoverage(verificationRows(lint.data as unknown as DatasetRecords));
summary.push(`  excerpt coverage: ${coverage.withExcerpt} of ${coverage.citations} supporting citations carry a verbatim excerpt (${percent(coverage.share)})`);
summary.push(warnings ? `  ${warnings} warning${warnings === 1 ? '' : 's'} (run npm run validate to see them)` : '  no warnings');
say(`Built ${out} in ${seconds} s`);
for (const line of summary) say(line);
if (key) recordBuild(out, key, bundle.files, summary);
