/**
 * The record checks of unchanged files, kept from the last run of the linter.
 *
 * Checking a file's records against their schema is a function of the file's
 * bytes and of the code alone (no record check looks at another file), so its
 * problems are kept under node_modules/.cache, named by a hash of both, and
 * `npm run validate` takes them from there for every file that did not
 * change: after an edit to one file, Zod checks only that file. The file and
 * dataset checks (syntax, sorting, references, the rules) always run.
 *
 * "The code" is lib/.inputs, the list of sources, sizes and times that the
 * compile step writes with the compiled code (and Node's version); code run
 * from the TypeScript sources (the tests) gets no cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, pruneCache, writeCacheFile } from '../lib/cache-files.js';
import type { Problem } from './problems.js';

const FORMAT = 1;

export interface RecordCache {
  /** The kept problems of a file's record checks, when its text and the code are as they were. */
  get(file: string, text: string): Problem[] | undefined;
  set(file: string, text: string, problems: readonly Problem[]): void;
}

/** The identity of the compiled code this module belongs to, or undefined when it runs from the TypeScript sources. */
function codeStamp(project: string): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.startsWith(join(project, 'lib') + sep) || !/\.m?js$/.test(here)) return undefined;
  try {
    return `${process.version}\n${readFileSync(join(project, 'lib/.inputs'), 'utf8')}`;
  } catch {
    return undefined;
  }
}

/** Files kept at most (the newest); each edit of a data file adds one. */
const KEEP = 256;

/**
 * A cache in `dir` (default: the project's node_modules/.cache), for the code identified by `stamp` (default: the
 * compiled code's); undefined when the code has no stamp.
 */
export function recordCache(project: string, options: { dir?: string; stamp?: string } = {}): RecordCache | undefined {
  const dir = options.dir ?? join(cacheDir(project), 'records');
  const stamp = options.stamp ?? codeStamp(project);
  if (stamp === undefined) return undefined;
  const path = (file: string, text: string) => join(dir, `${createHash('sha256').update(`${FORMAT}\0${stamp}\0${file}\0`).update(text).digest('hex').slice(0, 40)}.json`);
  return {
    get(file, text) {
      try {
        const kept = JSON.parse(readFileSync(path(file, text), 'utf8')) as { problems?: unknown };
        return Array.isArray(kept.problems) ? (kept.problems as Problem[]) : undefined;
      } catch {
        return undefined; // none kept, or damaged: check the records
      }
    },
    set(file, text, problems) {
      if (writeCacheFile(path(file, text), JSON.stringify({ problems }))) pruneCache(dir, KEEP, '.json');
    },
  };
}
