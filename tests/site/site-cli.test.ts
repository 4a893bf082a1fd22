/**
 * `npm run site` on a damaged or missing release, and on a full disk: one
 * sentence and a tip, exit 1, never a stack trace, the previous site left as it
 * was; and on a good release, one line of output and no warning.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../helpers/build.js';
import { PROJECT_ROOT } from '../helpers/fixture.js';

const SITE = join(PROJECT_ROOT, 'lib/scripts/site/main.js');
const site = (dist: string, preload?: string) => spawnSync(process.execPath, [...(preload ? ['--import', preload] : []), SITE, '--dist', dist], { encoding: 'utf8' });
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

let release: string;
const copy = () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'ops-site-cli-')), 'dist');
  cpSync(release, dist, { recursive: true });
  return dist;
};

describe('npm run site', () => {
  beforeAll(() => {
    release = freshBuild();
  });

  let built: string;
  it('builds from a good release with one line of output and nothing on stderr', () => {
    const dist = (built = copy());
    const run = site(dist);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dist, 'site/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'site/about.html'))).toBe(true);
  });

  it('says there is no release when dist/ is missing', () => {
    const run = site(join(tmpdir(), 'ops-no-such-dist'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No release found: .* does not exist\.\nTip: Run `npm run site`/);
    noStack(run.stderr);
  });

  it('names every missing file of an incomplete release', () => {
    const dist = copy();
    rmSync(join(dist, 'data/figures.json'));
    rmSync(join(dist, 'datapackage.json'));
    const run = site(dist);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is incomplete: data/figures.json, datapackage.json are missing.');
    noStack(run.stderr);
  });

  it('refuses a truncated release file without a stack trace', () => {
    const dist = copy();
    const file = join(dist, 'data/stations.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    const run = site(dist);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The release file data/stations.json is not valid JSON');
    noStack(run.stderr);
  });

  it('reports a full disk in a sentence and leaves the previous site as it was', () => {
    const dist = built;
    const before = readFileSync(join(dist, 'site/index.html'));
    const preload = join(mkdtempSync(join(tmpdir(), 'ops-enospc-')), 'enospc.mjs');
    writeFileSync(
      preload,
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const write = fs.writeFileSync;
fs.writeFileSync = (path, ...rest) => {
  if (String(path).includes('site.tmp-') && String(path).endsWith('.html')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write', path: String(path) });
  return write(path, ...rest);
};
syncBuiltinESMExports();
`,
    );
    const run = site(dist, preload);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Could not write the site to .*: the disk is full \(.*\)\. The previous site, if any, is left as it was\.\nTip: Free some space/);
    noStack(run.stderr);
    expect(readFileSync(join(dist, 'site/index.html'))).toEqual(before);
  });
});
