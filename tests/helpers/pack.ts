/** The npm package as a consumer gets it: `npm pack` of the project, and the README's TypeScript example. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixture.js';

export const npm = (args: string[], cwd: string, env?: NodeJS.ProcessEnv) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });

export interface Packed {
  /** A fresh temporary folder that holds the tarball. */
  work: string;
  tarball: string;
  files: Array<{ path: string }>;
}

/** Packs the project (prepack rebuilds dist/) into a fresh temporary folder. */
export function pack(prefix = 'ops-pack-'): Packed {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const result = JSON.parse(npm(['pack', '--json', '--pack-destination', work], PROJECT_ROOT))[0];
  return { work, tarball: join(work, result.filename), files: result.files };
}

export const devVersion = (name: string): string => JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/** The first ```ts block of the README's "Quick start: TypeScript and JavaScript" section. */
export function readmeExample(): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start: TypeScript and JavaScript'));
  const block = /```ts\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 5)));
  if (!block) throw new Error('the README has no ```ts example in "Quick start: TypeScript and JavaScript"');
  return block[1]!;
}
