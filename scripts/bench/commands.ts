/**
 * Wall time of the contributor commands on the real data, as a contributor
 * runs them (`npm run validate`, `npm run build`), when no code changed: one
 * unmeasured run first (it compiles if needed), then the median of `runs`.
 * `npm run build` then finds nothing changed; `--force` times the full build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommandTiming {
  command: string;
  seconds: number;
  target: number;
}

function npm(root: string, args: string[]) {
  const cli = process.env.npm_execpath;
  const [bin, argv] = cli && /\.[cm]?js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
  return spawnSync(bin, argv, { cwd: root, encoding: 'utf8' });
}

export function timeCommands(root: string, runs: number): CommandTiming[] {
  const out = mkdtempSync(join(tmpdir(), 'ops-bench-cmd-'));
  // A copy of data/ whose stations file changes before every run (trailing spaces, still the same JSON), as when a
  // contributor has just edited it: its record checks are never in the cache, the other files' are.
  const edited = join(out, 'edited');
  cpSync(join(root, 'data'), join(edited, 'data'), { recursive: true });
  const stations = readFileSync(join(edited, 'data/stations.json'), 'utf8');
  let edits = 0;
  const edit = () => writeFileSync(join(edited, 'data/stations.json'), stations + ' '.repeat(++edits));
  const commands: Array<{ command: string; args: string[]; target: number; before?: () => void }> = [
    // Nothing changed since the previous run: every file's record checks come from the cache.
    { command: 'npm run validate', args: ['run', '-s', 'validate'], target: 0.5 },
    { command: 'npm run validate, after an edit to data/stations.json', args: ['run', '-s', 'validate', '--', '--root', edited], target: 0.5, before: edit },
    // Nothing changed since the previous run: the build finds dist/ up to date.
    { command: 'npm run build', args: ['run', '-s', 'build', '--', '--out', join(out, 'dist'), '--quiet'], target: 1.0 },
    // The same, built in full (what a contributor waits for after editing data).
    { command: 'npm run build -- --force', args: ['run', '-s', 'build', '--', '--out', join(out, 'dist'), '--quiet', '--force'], target: 1.0 },
  ];
  const result = commands.map(({ command, args, target, before }) => {
    const times: number[] = [];
    // The unmeasured first run (it compiles if needed) is skipped in a one-run smoke test.
    for (let r = runs === 1 ? 1 : 0; r <= runs; r++) {
      before?.();
      const start = performance.now();
      const run = npm(root, args);
      const seconds = (performance.now() - start) / 1000;
      if (run.status !== 0) throw new Error(`${command} failed:\n${run.stdout}\n${run.stderr}`);
      if (r > 0) times.push(seconds);
    }
    times.sort((a, b) => a - b);
    return { command, seconds: times[Math.floor((times.length - 1) / 2)]!, target };
  });
  rmSync(out, { recursive: true, force: true });
  return result;
}
