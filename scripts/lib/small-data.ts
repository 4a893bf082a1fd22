/**
 * Short runs on small data: the real dataset is about 400 KB, and `npm run
 * validate` ends within a third of a second, before code that V8 optimises
 * pays for its compilation. Below SMALL_DATA_BYTES, validate runs without V8's
 * optimising tier (measured on the real data: about 0.1 s less when the two
 * cores are busy, as in CI with parallel jobs; no difference on an idle
 * machine, where the optimising compiler has a core of its own) and the
 * database worker runs SQLite's WebAssembly on the baseline compiler (0.64 →
 * 0.29 s whatever the load). Larger data keeps both tiers, which it needs.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { collections } from '../../schemas/index.js';

export const SMALL_DATA_BYTES = 20_000_000;

/** Bytes of the collection files under `root`/data (a missing file counts 0). */
export function dataBytes(root: string): number {
  return collections.reduce((sum, c) => sum + (statSync(join(root, c.file), { throwIfNoEntry: false })?.size ?? 0), 0);
}

export const isSmallData = (root: string) => dataBytes(root) < SMALL_DATA_BYTES;

/** Turns V8's optimising compiler off for the rest of this process when the data is small; says whether it did. */
export function withoutOptimisingCompilerFor(root: string): boolean {
  if (!isSmallData(root)) return false;
  setFlagsFromString('--no-opt');
  return true;
}
