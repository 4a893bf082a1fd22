/** Writes a set of files to a sibling temporary folder, then swaps it into place. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeAtomically(out: string, files: Map<string, Buffer>): void {
  const temp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  try {
    rmSync(temp, { recursive: true, force: true });
    for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
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
    throw error;
  }
}
