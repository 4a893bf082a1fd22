/** Reads every file below a folder (sorted), keeping those the filter accepts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function snapshotFiles(dir: string, keep: (path: string) => boolean = () => true): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const rel = relative(dir, path).split('\\').join('/');
      if (statSync(path).isDirectory()) walk(path);
      else if (keep(rel)) files.set(rel, readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
