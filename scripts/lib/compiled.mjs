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
 *
 * The commands a contributor runs most (see BUNDLED) are also bundled with
 * esbuild into one file each, written next to the compiled entry point
 * (lib/scripts/validate.bundle.mjs beside validate.js, so that paths relative
 * to the module stay the same). Node then reads one file instead of ~150
 * modules (Zod alone is 90): about 0.1 s less per run. The bundle is what this
 * script runs when it exists; it is rebuilt with every compile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STAMP = join(root, 'lib/.inputs');

/**
 * Compiled entry points that are also run as one-file bundles, with what each
 * leaves out and loads from node_modules when used. The commands leave out the
 * libraries only the download workers load. Each worker's bundle holds only
 * its own part: the workbook worker's holds exceljs (about 90 ms less to load)
 * but not archiver-utils (its deprecated Buffer() call warns when it runs from
 * outside node_modules); the database worker's leaves SQLite's package in
 * node_modules (it finds its .wasm file beside its own module).
 */
const FOR_WORKERS = ['exceljs', 'jszip', '@sqlite.org/sqlite-wasm'];
/*
 * The commands are minified, names included (about 10 ms less to parse); the
 * workers keep their names, as exceljs's code was not checked for relying on them.
 */
const BUNDLES = {
  'lib/scripts/validate.js': { external: FOR_WORKERS, keepNames: false },
  'lib/scripts/build/main.js': { external: FOR_WORKERS, keepNames: false },
  'lib/scripts/fix-data.js': { external: FOR_WORKERS, keepNames: false },
  'lib/scripts/docs.js': { external: FOR_WORKERS, keepNames: false },
  'lib/scripts/build/workbook-worker.js': { external: ['archiver-utils'], keepNames: true },
  'lib/scripts/build/database-worker.js': { external: ['@sqlite.org/sqlite-wasm'], keepNames: true },
};
const BUNDLED = Object.keys(BUNDLES);
const bundleOf = (entry) => entry.replace(/\.js$/, '.bundle.mjs');

function inputs() {
  // package-lock.json: a dependency upgrade changes what the bundles hold.
  const files = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'].filter((f) => existsSync(join(root, f))).map((f) => join(root, f));
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

/**
 * Zod ships error messages in some fifty languages and re-exports them all as
 * `z.locales`; the project uses only the English default (set by Zod from
 * locales/en.js directly). In the bundles, the list holds English alone, which
 * saves parsing about 300 KB on every run.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(resolve(args.resolveDir, args.path)), 'en.js'), namespace: 'zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: dirname(args.path) }));
  },
};

async function bundle() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return; // not installed (a production install): the compiled modules run as they are
  }
  try {
    await bundleWith(esbuild);
  } catch (error) {
    // The compiled modules still run; only the start-up saving is lost.
    for (const entry of BUNDLED) rmSync(join(root, bundleOf(entry)), { force: true });
    console.warn(`Bundling the commands with esbuild failed, so they run unbundled (slower to start): ${error.message.split('\n')[0]}`);
  }
}

async function bundleWith(esbuild) {
  await Promise.all(
    BUNDLED.filter((entry) => existsSync(join(root, entry))).map((entry) =>
      esbuild.build({
        entryPoints: [join(root, entry)],
        outfile: join(root, bundleOf(entry)),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its "module" is plain ESM.
        mainFields: ['module', 'main'],
        external: BUNDLES[entry].external,
        minify: true,
        keepNames: BUNDLES[entry].keepNames,
        legalComments: 'none',
        // CommonJS dependencies (Ajv, yaml) call require(); an ES module has none of its own.
        banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
        plugins: [englishOnly],
        logLevel: 'silent',
      }),
    ),
  );
}

const args = process.argv.slice(2);
const force = args[0] === '--force';
if (force) args.shift();
const current = inputs();
const recorded = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
const entryMissing = args[0] !== undefined && !existsSync(resolve(root, args[0]));
const bundleMissing = BUNDLED.some((entry) => existsSync(join(root, entry)) && !existsSync(join(root, bundleOf(entry))));
if (force || current !== recorded || entryMissing) {
  // --force rewrites every output, even one edited or truncated by hand (tsc's incremental state would skip it).
  if (force) rmSync(join(root, 'lib/.tsbuildinfo'), { force: true });
  // A failed compile must not leave the old bundles to be run.
  for (const entry of BUNDLED) rmSync(join(root, bundleOf(entry)), { force: true });
  compile();
  await bundle();
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, current);
} else if (bundleMissing) {
  await bundle();
}

const entry = args.shift();
if (entry) {
  const bundled = BUNDLED.includes(entry.replace(/^\.\//, '')) ? bundleOf(entry) : undefined;
  const script = resolve(root, bundled && existsSync(resolve(root, bundled)) ? bundled : entry);
  process.argv = [process.argv[0], script, ...args];
  await import(pathToFileURL(script).href);
}
