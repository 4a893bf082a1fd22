/** Runs the compiled build (`npm run build`'s second half) into a chosen folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotFiles } from '../../scripts/site/files.js';
import { PROJECT_ROOT } from './fixture.js';

/**
 * What `npm run` runs for a compiled entry once its compile check has passed:
 * the one-file bundle beside it (scripts/lib/compiled.mjs), or the entry
 * itself where bundling failed. `entry` is relative to the project.
 */
export function runnable(entry: string): string {
  const bundle = join(PROJECT_ROOT, entry.replace(/\.js$/, '.bundle.mjs'));
  return existsSync(bundle) ? bundle : join(PROJECT_ROOT, entry);
}

export function build(out: string, root?: string) {
  return spawnSync(process.execPath, [runnable('lib/scripts/build/main.js'), '--out', out, ...(root ? ['--root', root] : [])], { encoding: 'utf8' });
}

export function freshBuild(root?: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'ops-dist-')), 'dist');
  const run = build(out, root);
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** Every file below a folder, as relative path → bytes. */
export { snapshotFiles as snapshot };
