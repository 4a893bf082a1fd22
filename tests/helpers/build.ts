/** Runs the compiled build (`npm run build`'s second half) into a chosen folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotFiles } from '../../scripts/site/files.js';
import { PROJECT_ROOT } from './fixture.js';

export function build(out: string, root?: string) {
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/build/main.js'), '--out', out, ...(root ? ['--root', root] : [])], { encoding: 'utf8' });
}

export function freshBuild(root?: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'ops-dist-')), 'dist');
  const run = build(out, root);
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** Every file below a folder, as relative path → bytes. */
export { snapshotFiles as snapshot };
