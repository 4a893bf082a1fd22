#!/usr/bin/env node
/**
 * Compiles the TypeScript into lib/ only when a source changed, then runs a
 * compiled entry point in this same process:
 *
 *   node scripts/lib/compiled.mjs                          compile if stale
 *   node scripts/lib/compiled.mjs --force                  always compile
 *   node scripts/lib/compiled.mjs lib/scripts/x.js [args]  compile if stale, then run x.js with args
 *
 * "Stale" means that the list of inputs (schemas/ and scripts/ .ts files, the
 * tsconfigs, package.json) with their sizes and modification times differs
 * from the one recorded in lib/.inputs after the last successful compile. tsc
 * itself runs incrementally (lib/.tsbuildinfo); a missing entry point also
 * triggers a compile. Plain JavaScript: it runs
 * before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STAMP = join(root, 'lib/.inputs');

function inputs() {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => join(root, f));
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(root, 'schemas'));
  walk(join(root, 'scripts'));
  return files
    .sort()
    .map((f) => {
      const s = statSync(f);
      return `${relative(root, f)}\t${s.size}\t${s.mtimeMs}`;
    })
    .join('\n');
}

function compile() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--incremental', '--tsBuildInfoFile', join(root, 'lib/.tsbuildinfo')], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('TypeScript did not compile; fix the errors above.');
    process.exit(run.status ?? 1);
  }
}

const args = process.argv.slice(2);
const force = args[0] === '--force';
if (force) args.shift();
const current = inputs();
const recorded = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
const entryMissing = args[0] !== undefined && !existsSync(resolve(root, args[0]));
if (force || current !== recorded || entryMissing) {
  // --force rewrites every output, even one edited or truncated by hand (tsc's incremental state would skip it).
  if (force) rmSync(join(root, 'lib/.tsbuildinfo'), { force: true });
  compile();
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, current);
}

const entry = args.shift();
if (entry) {
  const script = resolve(root, entry);
  process.argv = [process.argv[0], script, ...args];
  await import(pathToFileURL(script).href);
}
