/** Small helpers shared by the command-line scripts. */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this file that holds package.json (works from scripts/ and from lib/scripts/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

type Spec = Record<string, 'string' | 'boolean'>;
export type ParsedArgs = { ok: true; values: Record<string, string | boolean | undefined>; positional: string[] } | { ok: false; error: string };

/** `--name value` and `--flag`; anything unknown is a usage error with the list of known options. */
export function parseArgs(argv: string[], spec: Spec): ParsedArgs {
  const values: Record<string, string | boolean | undefined> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) return { ok: false, error: `unknown option --${name}; known options: ${Object.keys(spec).map((k) => '--' + k).join(', ')}` };
    if (kind === 'boolean') values[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, error: `--${name} needs a value` };
      values[name] = value;
    }
  }
  return { ok: true, values, positional };
}

/** When the reader of stdout goes away (`… | head`), stop quietly instead of printing an EPIPE stack trace. */
export function quietOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
