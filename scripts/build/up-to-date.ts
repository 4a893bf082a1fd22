/**
 * "Nothing changed since the last build": `npm run build` skips the work when
 * everything the build reads is as it was for the build that wrote the output
 * folder, and that folder still holds exactly what was written.
 *
 * What the build reads, and so what the key is made of:
 * - every file under the data root's `data/` (bytes, and whether it is a link);
 * - the released-id lists at the last release tags (the linter compares with them);
 * - the project files copied into or read by the release: package.json,
 *   package-lock.json (library versions), CITATION.cff, README, LICENSE,
 *   CHANGELOG, docs/*.md;
 * - the running code: every file under lib/ (the compiled modules and the
 *   bundles), and Node's version.
 * The key is only made for code run from lib/ (what `npm run build` runs); run
 * from TypeScript sources (the tests), every build is a full one.
 *
 * The record of a build (key, every file's size and SHA-256, the summary lines
 * it printed) is kept under node_modules/.cache, one per output folder. Any
 * difference — an edited data file, a file changed or added in the output
 * folder, a new commit of code — makes a full build. `--force` always builds.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { releasedAtLastTag } from '../lint/released-at-tag.js';
import { cacheDir as defaultCacheDir, pruneCache, writeCacheFile } from '../lib/cache-files.js';
import { RELEASE_DOCUMENTS } from './release-docs.js';

const RECORD_VERSION = 1;

interface BuildRecord {
  version: number;
  key: string;
  files: Record<string, { size: number; sha256: string }>;
  summary: string[];
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A file's bytes, or what kept them from being read (an unreadable file is the linter's to report, not a crash here). */
function contents(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** Every file below `dir`, as sorted paths relative to `base` with `/` separators; links are listed, not followed. */
function walk(dir: string, base: string, out: Array<{ path: string; link: boolean }> = []): Array<{ path: string; link: boolean }> {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) out.push({ path: relative(base, path).split(sep).join('/'), link: true });
    else if (entry.isDirectory()) walk(path, base, out);
    else if (entry.isFile()) out.push({ path: relative(base, path).split(sep).join('/'), link: false });
  }
  return out;
}

/** The folder of compiled code this module runs from, or undefined when it runs from the TypeScript sources. */
function compiledCodeDir(project: string): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const lib = join(project, 'lib') + sep;
  return here.startsWith(lib) && /\.m?js$/.test(here) ? join(project, 'lib') : undefined;
}

/** The key of everything a build of `root`'s data with `project`'s code reads; undefined when builds are not to be skipped. */
export function buildKey(project: string, root: string, code = compiledCodeDir(project)): string | undefined {
  if (code === undefined) return undefined;
  const hash = createHash('sha256');
  const add = (label: string, bytes: Buffer | string) => hash.update(`${label}\0${bytes.length}\0`).update(bytes).update('\0');
  add('node', process.version);
  for (const { path, link } of walk(join(root, 'data'), root)) add(`data:${path}`, link ? 'symbolic link' : contents(join(root, path)));
  add('released-at-tag', JSON.stringify(releasedAtLastTag(root, 'data/ids/released.json')));
  const projectFiles = ['package.json', 'package-lock.json', ...RELEASE_DOCUMENTS, ...walk(join(project, 'docs'), project).filter((f) => f.path.endsWith('.md')).map((f) => f.path)];
  for (const name of projectFiles) add(`project:${name}`, existsSync(join(project, name)) ? contents(join(project, name)) : 'missing');
  for (const { path, link } of walk(code, project)) add(`code:${path}`, link ? 'symbolic link' : contents(join(project, path)));
  return hash.digest('hex');
}

const recordFile = (out: string, cacheDir: string) => join(cacheDir, 'builds', `${sha256(out).slice(0, 32)}.json`);
/** Records kept (one per output folder, the most recently written); the tests build into many scratch folders. */
const KEEP_RECORDS = 64;

function readRecord(file: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
    return record.version === RECORD_VERSION && typeof record.key === 'string' && record.files && Array.isArray(record.summary) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The summary lines of the last build of `out` when `key` is its key and `out` holds exactly the files it wrote; otherwise undefined. */
export function upToDate(out: string, key: string, cacheDir = defaultCacheDir()): string[] | undefined {
  try {
    return matches(out, key, cacheDir);
  } catch {
    return undefined; // anything unreadable in the output folder: build it again
  }
}

function matches(out: string, key: string, cacheDir: string): string[] | undefined {
  const record = readRecord(recordFile(out, cacheDir));
  if (!record || record.key !== key || !existsSync(out)) return undefined;
  const present = walk(out, out);
  const expected = Object.keys(record.files);
  if (present.length !== expected.length) return undefined;
  for (const { path, link } of present) {
    const want = record.files[path];
    if (link || !want) return undefined;
    const full = join(out, path);
    if (lstatSync(full).size !== want.size) return undefined;
    if (sha256(readFileSync(full)) !== want.sha256) return undefined;
  }
  return record.summary;
}

/**
 * Records a successful build of `out`: its key, and the size and SHA-256 of every file it installed (read back from
 * `out` just after the swap). A cache that cannot be written only means that the next build is a full one.
 */
export function recordBuild(out: string, key: string, summary: string[], cacheDir = defaultCacheDir()): void {
  try {
    const files: BuildRecord['files'] = {};
    for (const { path, link } of walk(out, out)) {
      if (link) return; // the build writes no links: something else is at work in the folder
      const bytes = readFileSync(join(out, path));
      files[path] = { size: bytes.length, sha256: sha256(bytes) };
    }
    const file = recordFile(out, cacheDir);
    if (writeCacheFile(file, JSON.stringify({ version: RECORD_VERSION, key, files, summary } satisfies BuildRecord))) pruneCache(join(file, '..'), KEEP_RECORDS, '.json');
  } catch {
    // the folder could not be read back: no record, so the next build is a full one
  }
}
