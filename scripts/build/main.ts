/**
 * `npm run build [-- --root DIR] [--out DIR]`: validates data/, builds every
 * release artifact, checks the bundle again, and only then replaces dist/.
 * A failed build leaves the previous dist/ untouched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintData } from '../lint/run.js';
import { formatReport } from '../lint/report.js';
import { countLevels } from '../lint/problems.js';
import { parseArgs, projectRoot } from '../lib/cli.js';
import { BundleError, buildBundle } from './bundle.js';
import type { Dataset } from './dataset.js';
import type { PackageMeta } from './datapackage.js';

const args = parseArgs(process.argv.slice(2), { root: 'string', out: 'string', quiet: 'boolean' });
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
const lint = lintData(root);
const { errors, warnings } = countLevels(lint.problems);
if (errors > 0) {
  console.error(formatReport(lint.problems, { color: process.stderr.isTTY }));
  console.error(`\nBuild refused: the data has ${errors} error${errors === 1 ? '' : 's'}. Nothing was written; ${out} is unchanged.`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; version: string; description: string; homepage?: string; keywords?: string[] };
const meta: PackageMeta = {
  name: pkg.name,
  version: pkg.version,
  title: 'Overseas Chinese police stations and Italy–China police cooperation',
  description: pkg.description,
  ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
  keywords: pkg.keywords ?? [],
  sources: [
    { title: 'Safeguard Defenders, 110 Overseas – Chinese Transnational Policing Gone Wild (September 2022)', path: 'https://safeguarddefenders.com/en/blog/230000-chinese-persuaded-return-abroad-long-arm-policing-expands' },
    { title: 'Safeguard Defenders, Patrol and Persuade – A follow up on 110 Overseas investigation (December 2022)', path: 'https://safeguarddefenders.com/zh-hans/node/579' },
  ],
};

let bundle;
try {
  const compiledSchemas = join(dirname(fileURLToPath(import.meta.url)), '../../schemas');
  bundle = buildBundle(lint.data as unknown as Dataset, meta, compiledSchemas);
} catch (error) {
  if (error instanceof BundleError) {
    console.error('Build refused: the built bundle failed its checks:');
    for (const p of error.problems) console.error(`  ✖ ${p}`);
    console.error(`Nothing was written; ${out} is unchanged.`);
    process.exit(1);
  }
  throw error;
}

// Write everything to a sibling temporary folder, then swap it in.
const temp = `${out}.tmp-${process.pid}`;
const old = `${out}.old-${process.pid}`;
try {
  rmSync(temp, { recursive: true, force: true });
  for (const [path, bytes] of [...bundle.files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = join(temp, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  if (existsSync(out)) renameSync(out, old);
  renameSync(temp, out);
  rmSync(old, { recursive: true, force: true });
} catch (error) {
  rmSync(temp, { recursive: true, force: true });
  if (!existsSync(out) && existsSync(old)) renameSync(old, out);
  console.error(`Build failed while writing (${(error as Error).message}); ${out} is unchanged.`);
  process.exit(1);
}

const seconds = ((performance.now() - started) / 1000).toFixed(2);
say(`Built ${out} in ${seconds} s`);
for (const c of Object.keys(lint.counts)) say(`  ${c.padEnd(11)} ${String((lint.data as Record<string, unknown[]>)[c]!.length).padStart(6)} records`);
say(`  ${bundle.files.size} files written (${[...bundle.rows.values()].reduce((a, b) => a + b, 0)} CSV rows in ${bundle.rows.size} tables)`);
say(warnings ? `  ${warnings} warning${warnings === 1 ? '' : 's'} (run npm run validate to see them)` : '  no warnings');
