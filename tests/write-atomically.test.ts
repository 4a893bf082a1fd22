/**
 * dist/ through crashes and concurrent builds: the compiled build runs in a
 * child process whose `fs` is made to fail (or to kill the process with
 * SIGKILL) at one chosen step; what the build says and what is left on disk
 * are then checked, and what the next build repairs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runnable, build, snapshot } from './helpers/build.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';
import { writeAtomically } from '../scripts/build/write-atomically.js';

const MAIN = runnable('lib/scripts/build/main.js');
const FAULTS = `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const { renameSync, rmSync } = fs;
if (process.env.FAULT === 'rm-old') fs.rmSync = (path, options) => {
  if (/\\.old-\\d+$/.test(String(path))) throw Object.assign(new Error(\`EBUSY: resource busy or locked, rm '\${path}'\`), { code: 'EBUSY' });
  return rmSync(path, options);
};
if (process.env.FAULT === 'kill-between-renames') fs.renameSync = (from, to) => {
  if (/\\.tmp-\\d+$/.test(String(from))) process.kill(process.pid, 'SIGKILL');
  return renameSync(from, to);
};
syncBuiltinESMExports();
await import(process.env.MAIN);
`;

const valid = fixture();
const invalid = fixture().edit('stations', (r) => delete r[0].status);

let built: string;
beforeAll(() => {
  built = join(mkdtempSync(join(tmpdir(), 'ops-swap-')), 'dist');
  const first = build(built, valid.root);
  if (first.status !== 0) throw new Error(first.stderr);
});

function setup() {
  const parent = mkdtempSync(join(tmpdir(), 'ops-swap-'));
  const out = join(parent, 'dist');
  cpSync(built, out, { recursive: true });
  const faults = join(parent, 'faults.mjs');
  writeFileSync(faults, FAULTS);
  const faulty = (fault: string, root: string) =>
    spawnSync(process.execPath, [faults, '--out', out, '--root', root], { encoding: 'utf8', env: { ...process.env, FAULT: fault, MAIN } });
  return { parent, out, before: snapshot(out), faulty, left: () => readdirSync(parent).filter((f) => f !== 'faults.mjs').sort() };
}

describe('replacing dist/', () => {
  it('does not claim dist/ is unchanged when only removing the old tree failed, and the next build removes it', () => {
    const s = setup();
    // A different dataset, so that the new tree differs from the old one.
    const other = fixture().edit('events', (r) => r.pop());
    const run = s.faulty('rm-old', other.root);
    expect(run.stderr).not.toMatch(/unchanged/);
    expect(run.stderr).toMatch(/now holds the new build, but the previous one could not be removed from .*dist\.old-\d+ \(EBUSY/);
    expect(run.status).toBe(0);
    expect(snapshot(s.out).get('data/events.json')!.equals(s.before.get('data/events.json')!)).toBe(false);
    expect(s.left()).toEqual(['dist', expect.stringMatching(/^dist\.old-\d+$/)]);
    const next = build(s.out, other.root);
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(/Removed .*dist\.old-\d+, left by an earlier build/);
    expect(s.left()).toEqual(['dist']);
  });

  it('survives a kill -9 between the two renames: the next build puts the old tree back, even one that refuses bad data', () => {
    const s = setup();
    const killed = s.faulty('kill-between-renames', valid.root);
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(s.out)).toBe(false); // the window: only dist.old-<pid> holds the tree now
    const next = build(s.out, invalid.root);
    expect(next.status).toBe(1);
    expect(next.stderr).toMatch(/Recovered .*dist from .*dist\.old-\d+/);
    const after = snapshot(s.out);
    expect([...after.keys()]).toEqual([...s.before.keys()]);
    for (const [path, bytes] of s.before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    expect(s.left()).toEqual(['dist']); // the temporary tree and the lock of the killed build are gone too
  });

  it('waits for another live build that holds the lock, then builds', async () => {
    const s = setup();
    const { spawn } = await import('node:child_process');
    // Long enough for the build to start and find the lock even on a busy machine.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 4000)']);
    writeFileSync(`${s.out}.lock`, `${holder.pid}\n`);
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [MAIN, '--out', s.out, '--root', valid.root], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stderr }));
    });
    expect(run.stderr).toMatch(new RegExp(`Waiting for another build \\(process ${holder.pid}\\) to finish writing .*dist`));
    expect(run.status, run.stderr).toBe(0);
    expect(s.left()).toEqual(['dist']);
  });

  it('refuses to build when another live build keeps the lock too long, and leaves dist/ alone', () => {
    const s = setup();
    writeFileSync(`${s.out}.lock`, `${process.pid}\n`); // this test process is alive
    const run = spawnSync(process.execPath, [MAIN, '--out', s.out, '--root', valid.root], { encoding: 'utf8', env: { ...process.env, BUILD_LOCK_WAIT_SECONDS: '0.3' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`Another build \\(process ${process.pid}\\) is writing .*dist; wait for it to finish\\. If no build is running, remove .*dist\\.lock\\.`));
    expect(existsSync(`${s.out}.lock`)).toBe(true);
    const after = snapshot(s.out);
    for (const [path, bytes] of s.before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('takes over the lock of a build that died, and releases its own', () => {
    const s = setup();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(`${s.out}.lock`, dead.stdout);
    const run = build(s.out, valid.root);
    expect(run.status, run.stderr).toBe(0);
    expect(s.left()).toEqual(['dist']);
  });

  it('runs two simultaneous builds one after the other, and leaves no temporaries', async () => {
    const s = setup();
    const { spawn } = await import('node:child_process');
    const start = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [MAIN, '--out', s.out, '--root', valid.root], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const runs = await Promise.all([start(), start()]);
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    expect(s.left()).toEqual(['dist']);
    const after = snapshot(s.out);
    expect([...after.keys()]).toEqual([...s.before.keys()]);
  });

  it('removes stale temporary and old trees of earlier builds', () => {
    const s = setup();
    for (const stale of ['dist.tmp-4242', 'dist.old-4343']) {
      mkdirSync(join(s.parent, stale, 'csv'), { recursive: true });
      writeFileSync(join(s.parent, stale, 'csv', 'x.csv'), 'x');
    }
    mkdirSync(join(s.parent, 'dist.tmp-notapid')); // not ours: kept
    const run = build(s.out, valid.root);
    expect(run.status).toBe(0);
    expect(s.left()).toEqual(['dist', 'dist.tmp-notapid']);
  });
});

describe('writing the new tree in place (the function form, as the streamed build writes it)', () => {
  const setupTree = () => {
    const parent = mkdtempSync(join(tmpdir(), 'ops-swap-fn-'));
    const out = join(parent, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    return { parent, out, left: () => readdirSync(parent).sort() };
  };

  it('installs what the function wrote, sync or async', async () => {
    const s = setupTree();
    const sync = writeAtomically(s.out, (temp) => writeFileSync(join(temp, 'new.txt'), 'new'));
    expect(sync.leftovers).toEqual([]);
    expect(readdirSync(s.out)).toEqual(['new.txt']);
    const later = await writeAtomically(s.out, async (temp) => {
      await Promise.resolve();
      writeFileSync(join(temp, 'later.txt'), 'later');
    });
    expect(later.leftovers).toEqual([]);
    expect(readdirSync(s.out)).toEqual(['later.txt']);
    expect(s.left()).toEqual(['dist']);
  });

  it('leaves the old tree and no temporary when the function throws, and throws its own error again', async () => {
    class Refused extends Error {}
    const s = setupTree();
    expect(() => writeAtomically(s.out, (temp) => {
      writeFileSync(join(temp, 'half.txt'), 'half');
      throw new Refused('refused');
    })).toThrow(Refused);
    await expect(writeAtomically(s.out, async (temp) => {
      writeFileSync(join(temp, 'half.txt'), 'half');
      throw new Refused('refused later');
    })).rejects.toBeInstanceOf(Refused);
    expect(readdirSync(s.out)).toEqual(['old.txt']);
    expect(s.left()).toEqual(['dist']);
  });
});
