/**
 * The project's caches under node_modules/.cache/overseas-police-stations (the
 * compiled JSON Schemas, the records of builds, the record checks): written so
 * that a reader never sees half a file, pruned to the newest entries, and
 * never a reason for a command to fail: a cache that cannot be written only
 * costs the next run the work.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './cli.js';

export const cacheDir = (project = projectRoot()) => join(project, 'node_modules/.cache/overseas-police-stations');

/** Writes `text` beside `path` and renames it into place; says whether it was written. */
export function writeCacheFile(path: string, text: string): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written there either
    }
    return false;
  }
}

/** Keeps the `keep` newest files of `dir` whose names end with `suffix`, removing the others. */
export function pruneCache(dir: string, keep: number, suffix: string): void {
  try {
    const entries = readdirSync(dir).filter((n) => n.endsWith(suffix));
    if (entries.length <= keep) return;
    const byAge = entries.map((n) => ({ path: join(dir, n), mtime: lstatSync(join(dir, n)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
    for (const old of byAge.slice(keep)) rmSync(old.path, { force: true });
  } catch {
    // another run pruned at the same time: nothing to do
  }
}
