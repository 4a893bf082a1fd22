/**
 * `npm run build [-- --root DIR] [--out DIR] [--force] [--quiet]`: validates
 * data/ and builds every release artifact collection by collection into a
 * temporary tree (release.ts), checking the bundle as it is written, and only
 * then replaces dist/. A failed build leaves the previous dist/ untouched.
 * When nothing the build reads changed since the build that wrote DIR, and DIR
 * still holds what it wrote, nothing is done (see up-to-date.ts); `--force`
 * builds anyway.
 */
import { join, resolve } from 'node:path';
import { formatReport } from '../lint/report.js';
import { countLevels } from '../lint/problems.js';
import { parseArgs, projectRoot, quietOnBrokenPipe } from '../lib/cli.js';
import { startDownloads } from './downloads.js';
import { COMPILED_SCHEMAS, packageMeta } from './meta.js';
import { buildRelease, type ReleaseResult } from './release.js';
import { releaseInfo } from './release-info.js';
import { tables } from './tables.js';
import { lockOutput, OutputLockedError, WriteError, writeAtomically, type WriteResult } from './write-atomically.js';
import { percent } from '../lib/dataset-numbers.js';
import { isSmallData } from '../lib/small-data.js';
import { buildKey, recordBuild, upToDate } from './up-to-date.js';

quietOnBrokenPipe();

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

const meta = packageMeta(project);
// The workbook and the database are built in two workers (one each), started now so that each loads its library
// while this thread validates and writes everything else.
const downloads = startDownloads(releaseInfo(project), { baselineWasm: isSmallData(root) });

/** The data or the bundle failed its checks: reported below, nothing replaces dist/. */
class Refused extends Error {}
let release: ReleaseResult | undefined;
let downloadError: Error | undefined;
let written: WriteResult;
try {
  // Collection by collection into the temporary tree; dist/ is replaced only when the data and the bundle pass.
  written = await writeAtomically(out, async (temp) => {
    // The records are kept for the workbook and the database, which are built from the whole dataset in their
    // workers as soon as it is known to be valid, while this thread writes everything else.
    let downloaded: ReturnType<typeof downloads.build> | undefined;
    release = buildRelease(temp, { root, meta, compiledSchemasDir: COMPILED_SCHEMAS, keepData: true, whenValid: (data) => {
      downloaded = downloads.build(tables, data);
      downloaded.catch(() => {}); // awaited below unless the bundle fails its checks first
    } });
    if (release.refused || release.bundleProblems.length) throw new Refused();
    try {
      release.add((await downloaded!).files);
    } catch (error) {
      downloadError = error as Error;
      throw new Refused();
    }
  });
} catch (error) {
  downloads.stop();
  if (!(error instanceof Refused) || !release) {
    const unchanged = !(error instanceof WriteError) || error.unchanged;
    console.error(`Build failed while writing (${(error as Error).message}); ${unchanged ? `${out} is unchanged` : `${out} may be missing until the next build`}.`);
    process.exit(1);
  }
  if (release.refused) {
    const { errors } = countLevels(release.lint.problems);
    console.error(formatReport(release.lint.problems, { color: process.stderr.isTTY }));
    console.error(`\nBuild refused: the data has ${errors} error${errors === 1 ? '' : 's'}. Nothing was written; ${out} is unchanged.`);
  } else if (downloadError) {
    console.error(`Build refused: the workbook or the database could not be built (${downloadError.message}). Nothing was written; ${out} is unchanged.`);
  } else {
    console.error('Build refused: the built bundle failed its checks:');
    for (const p of release.bundleProblems) console.error(`  ✖ ${p}`);
    console.error(`Nothing was written; ${out} is unchanged.`);
  }
  process.exit(1);
}
for (const left of written.leftovers) console.warn(`  ⚠ ${out} now holds the new build, but the previous one could not be removed from ${left.path} (${left.reason}); the next build removes it.`);
const built = release!;
const { warnings } = countLevels(built.lint.problems);

const seconds = ((performance.now() - started) / 1000).toFixed(2);
const summary: string[] = [];
for (const c of Object.keys(built.lint.counts)) summary.push(`  ${c.padEnd(11)} ${String(built.lint.counts[c as keyof typeof built.lint.counts]).padStart(6)} records`);
summary.push(`  ${built.files} files (${[...built.rows.values()].reduce((a, b) => a + b, 0)} CSV rows in ${built.rows.size} tables)`);
const coverage = built.coverage;
summary.push(`  excerpt coverage: ${coverage.withExcerpt} of ${coverage.citations} supporting citations carry a verbatim excerpt (${percent(coverage.share)})`);
summary.push(warnings ? `  ${warnings} warning${warnings === 1 ? '' : 's'} (run npm run validate to see them)` : '  no warnings');
say(`Built ${out} in ${seconds} s`);
for (const line of summary) say(line);
if (key) recordBuild(out, key, summary);
