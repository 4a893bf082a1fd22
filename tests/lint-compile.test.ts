/**
 * scripts/lib/compiled.mjs compiles only when a TypeScript source (or a
 * tsconfig, or package.json) changed, and always picks up a change. Run in a
 * scratch tree with a stand-in for tsc that records each call.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/fixture.js';

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'ops-compile-'));
  mkdirSync(join(root, 'scripts/lib'), { recursive: true });
  mkdirSync(join(root, 'schemas'));
  mkdirSync(join(root, 'node_modules/typescript/bin'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'scripts/lib/compiled.mjs'), join(root, 'scripts/lib/compiled.mjs'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) writeFileSync(join(root, f), '{}');
  writeFileSync(join(root, 'schemas/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'scripts/b.ts'), 'export const b = 1;\n');
  // The stand-in tsc: counts its calls and "compiles" lib/scripts/hello.js.
  writeFileSync(join(root, 'node_modules/typescript/bin/tsc'), `
    const { appendFileSync, mkdirSync, writeFileSync, readFileSync } = require('node:fs');
    const { dirname, join } = require('node:path');
    const root = dirname(process.argv[process.argv.indexOf('-p') + 1]);
    appendFileSync(join(root, 'calls'), 'x');
    mkdirSync(join(root, 'lib/scripts'), { recursive: true });
    writeFileSync(join(root, 'lib/scripts/hello.js'), 'console.log("hello " + process.argv.slice(2).join(" ") + " ' + readFileSync(join(root, 'scripts/b.ts'), 'utf8').trim() + '");');
  `);
  writeFileSync(join(root, 'node_modules/typescript/package.json'), '{"type": "commonjs"}');
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/lib/compiled.mjs'), ...args], { encoding: 'utf8' });
  const calls = () => (existsSync(join(root, 'calls')) ? readFileSync(join(root, 'calls'), 'utf8').length : 0);
  return { root, run, calls };
}

describe('compile only when needed', () => {
  it('compiles once, then skips until a source changes', () => {
    const t = tree();
    expect(t.run().status).toBe(0);
    expect(t.calls()).toBe(1);
    t.run();
    expect(t.calls()).toBe(1);
    writeFileSync(join(t.root, 'scripts/b.ts'), 'export const b = 2;\n');
    t.run();
    expect(t.calls()).toBe(2);
  });

  it('notices a file touched without a size change, a new file and a removed one', () => {
    const t = tree();
    t.run();
    const later = new Date(Date.now() + 5000);
    utimesSync(join(t.root, 'schemas/a.ts'), later, later);
    t.run();
    expect(t.calls()).toBe(2);
    writeFileSync(join(t.root, 'scripts/lib/c.ts'), 'export {};\n');
    t.run();
    expect(t.calls()).toBe(3);
    rmSync(join(t.root, 'scripts/lib/c.ts'));
    t.run();
    expect(t.calls()).toBe(4);
    writeFileSync(join(t.root, 'tsconfig.json'), '{ }');
    t.run();
    expect(t.calls()).toBe(5);
  });

  it('runs the entry point with its arguments, with the new code after a change', () => {
    const t = tree();
    expect(t.run('lib/scripts/hello.js', '--x', 'y').stdout).toBe('hello --x y export const b = 1;\n');
    writeFileSync(join(t.root, 'scripts/b.ts'), 'export const b = 22;\n');
    expect(t.run('lib/scripts/hello.js').stdout).toBe('hello  export const b = 22;\n');
    expect(t.calls()).toBe(2);
  });

  it('compiles again with --force', () => {
    const t = tree();
    t.run();
    t.run('--force');
    expect(t.calls()).toBe(2);
  });
});

describe('a deleted output', () => {
  it('is compiled again even when the sources did not change', () => {
    const t = tree();
    t.run('lib/scripts/hello.js');
    rmSync(join(t.root, 'lib/scripts/hello.js'));
    expect(t.run('lib/scripts/hello.js').status).toBe(0);
    expect(t.calls()).toBe(2);
  });
});

describe('the bundled commands', () => {
  /** A scratch tree whose stand-in tsc "compiles" lib/scripts/validate.js (a bundled entry), with the real esbuild. */
  function bundledTree() {
    const t = tree();
    mkdirSync(join(t.root, 'node_modules'), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules/esbuild'), join(t.root, 'node_modules/esbuild'), 'dir');
    writeFileSync(join(t.root, 'package.json'), '{"type": "module"}');
    const tsc = join(t.root, 'node_modules/typescript/bin/tsc');
    writeFileSync(tsc, readFileSync(tsc, 'utf8').replace(/hello\.js/g, 'validate.js'));
    return t;
  }

  it('runs a one-file bundle of the entry point, rebuilt with every compile', () => {
    const t = bundledTree();
    expect(t.run('lib/scripts/validate.js', '--x').stdout).toBe('hello --x export const b = 1;\n');
    const bundle = join(t.root, 'lib/scripts/validate.bundle.mjs');
    expect(existsSync(bundle)).toBe(true);
    // The bundle is what runs: change it by hand and the output changes.
    writeFileSync(bundle, 'console.log("from the bundle");');
    expect(t.run('lib/scripts/validate.js').stdout).toBe('from the bundle\n');
    // A source change compiles and bundles again.
    writeFileSync(join(t.root, 'scripts/b.ts'), 'export const b = 3;\n');
    expect(t.run('lib/scripts/validate.js').stdout).toBe('hello  export const b = 3;\n');
    expect(t.calls()).toBe(2);
  });

  it('bundles again when a bundle is missing, without compiling', () => {
    const t = bundledTree();
    t.run('lib/scripts/validate.js');
    rmSync(join(t.root, 'lib/scripts/validate.bundle.mjs'));
    expect(t.run('lib/scripts/validate.js').stdout).toBe('hello  export const b = 1;\n');
    expect(existsSync(join(t.root, 'lib/scripts/validate.bundle.mjs'))).toBe(true);
    expect(t.calls()).toBe(1);
  });

  it('never runs an old bundle after a failed compile', () => {
    const t = bundledTree();
    t.run('lib/scripts/validate.js');
    writeFileSync(join(t.root, 'node_modules/typescript/bin/tsc'), 'process.exit(2);');
    writeFileSync(join(t.root, 'scripts/b.ts'), 'export const b = 4;\n');
    const failed = t.run('lib/scripts/validate.js');
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('TypeScript did not compile');
    expect(existsSync(join(t.root, 'lib/scripts/validate.bundle.mjs'))).toBe(false);
  });
});

describe('the real commands, bundled', () => {
  it('print the same as the compiled modules they bundle', () => {
    const viaBundle = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/lib/compiled.mjs'), 'lib/scripts/validate.js', '--format', 'json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(existsSync(join(PROJECT_ROOT, 'lib/scripts/validate.bundle.mjs'))).toBe(true);
    const plain = spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/validate.js'), '--format', 'json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(viaBundle.status).toBe(plain.status);
    expect(viaBundle.stdout).toBe(plain.stdout);
    expect(JSON.parse(viaBundle.stdout)).toEqual(expect.any(Array));
  });
});
