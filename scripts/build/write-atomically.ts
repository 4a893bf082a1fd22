/**
 * Replaces the output folder (dist/) so that neither a failure nor a crash
 * loses it, and two builds never write it at once:
 *
 * - `lockOutput` takes `<out>.lock` (waiting while another live build holds
 *   it, up to two minutes), puts back a tree that a build killed between its two renames left at
 *   `<out>.old-<pid>`, and removes stale `<out>.tmp-*` / `<out>.old-*` folders;
 * - `writeAtomically` writes every file into `<out>.tmp-<pid>`, then renames
 *   the old tree aside and the new one into place. At every instant either
 *   `<out>` or `<out>.old-<pid>` holds a whole tree, and the next build's
 *   `lockOutput` recovers the second case. A failure to remove the old tree
 *   after the swap is reported as a leftover, not as a failed build.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WriteError extends Error {
  /** The file-system error code of the failure (ENOSPC, EACCES…), kept so that callers can say it in words. */
  readonly code: string | undefined;
  readonly path: string | undefined;
  /** Whether the output folder is as it was before the build. */
  constructor(message: string, readonly unchanged: boolean, cause?: unknown) {
    super(message);
    const e = cause as NodeJS.ErrnoException | undefined;
    this.code = e?.code;
    this.path = e?.path;
  }
}

export interface WriteResult {
  /** Old trees that could not be removed after the new tree was installed, with why. */
  leftovers: Array<{ path: string; reason: string }>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `files` is either the files, or a function that writes them into the
 * temporary folder it is given (the streamed build; it may be async, and then
 * so is the swap). If the function throws, the temporary folder is removed,
 * `out` is left as it was and the function's own error is thrown again, so
 * that the caller can tell a refused build from a failed write.
 */
export function writeAtomically(out: string, files: Map<string, Buffer> | ((temp: string) => void)): WriteResult;
export function writeAtomically(out: string, files: (temp: string) => Promise<void>): Promise<WriteResult>;
export function writeAtomically(out: string, files: Map<string, Buffer> | ((temp: string) => void | Promise<void>)): WriteResult | Promise<WriteResult> {
  const temp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  const fail = (error: unknown): never => {
    rmSync(temp, { recursive: true, force: true });
    try {
      if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    } catch {
      // Reported below: the old tree is still whole at `old`, and the next build puts it back.
    }
    const unchanged = existsSync(out) && !existsSync(old);
    throw new WriteError(unchanged ? message(error) : `${message(error)}; the previous tree is kept at ${old} and the next build puts it back`, unchanged, error);
  };
  /** The function's own failure: nothing outside the temporary folder was touched. */
  const abandon = (error: unknown): never => {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  };
  const swap = (): WriteResult => {
    try {
      if (existsSync(out)) renameSync(out, old);
      renameSync(temp, out);
    } catch (error) {
      return fail(error);
    }
    // The new tree is in place from here on: failing to remove the old one does not undo the build.
    try {
      rmSync(old, { recursive: true, force: true });
      return { leftovers: [] };
    } catch (error) {
      return { leftovers: [{ path: old, reason: message(error) }] };
    }
  };
  try {
    rmSync(temp, { recursive: true, force: true });
  } catch (error) {
    return fail(error);
  }
  if (typeof files === 'function') {
    let filled;
    try {
      mkdirSync(temp, { recursive: true });
      filled = files(temp);
    } catch (error) {
      return abandon(error);
    }
    return filled instanceof Promise ? filled.then(swap, abandon) : swap();
  }
  try {
    for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const target = join(temp, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  } catch (error) {
    return fail(error);
  }
  return swap();
}

export class OutputLockedError extends Error {}

export interface OutputLock {
  /** What was repaired before the build: a recovered tree, removed temporaries. */
  notes: string[];
  release(): void;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes `<out>.lock`, waiting up to `waitMs` while a live build holds it; a
 * lock whose process is gone (a killed build) is taken over at once.
 */
function takeLock(lock: string, waitMs: number, say: (line: string) => void): void {
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      continue; // released between our two calls
    }
    if (!(Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new OutputLockedError(`Another build (process ${pid}) is writing ${lock.slice(0, -'.lock'.length)}; wait for it to finish. If no build is running, remove ${lock}.`);
    }
    if (!waiting) say(`Waiting for another build (process ${pid}) to finish writing ${lock.slice(0, -'.lock'.length)}…`);
    waiting = true;
    sleep(100);
  }
}

/** Locks the output folder for this build, recovers an interrupted swap and removes stale temporaries. */
export function lockOutput(out: string, options: { waitMs?: number; say?: (line: string) => void } = {}): OutputLock {
  const lock = `${out}.lock`;
  mkdirSync(dirname(out), { recursive: true });
  takeLock(lock, options.waitMs ?? 120_000, options.say ?? ((line) => console.warn(line)));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(lock, { force: true });
  };
  process.once('exit', release);
  const notes: string[] = [];
  try {
    const name = basename(out);
    const siblings = (kind: 'old' | 'tmp') =>
      readdirSync(dirname(out))
        .filter((entry) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.${kind}-\\d+$`).test(entry))
        .map((entry) => join(dirname(out), entry));
    if (!existsSync(out)) {
      // A build was killed between its two renames: the newest old tree is the last whole output.
      const newest = siblings('old').sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
      if (newest) {
        renameSync(newest, out);
        notes.push(`Recovered ${out} from ${newest}, left by a build that was interrupted while swapping.`);
      }
    }
    for (const stale of [...siblings('old'), ...siblings('tmp')]) {
      try {
        rmSync(stale, { recursive: true, force: true });
        notes.push(`Removed ${stale}, left by an earlier build.`);
      } catch (error) {
        notes.push(`Could not remove ${stale}, left by an earlier build (${message(error)}).`);
      }
    }
  } catch (error) {
    release();
    throw error;
  }
  return { notes, release };
}
