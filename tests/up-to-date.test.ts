/**
 * `npm run build` does nothing when nothing it reads changed and the output
 * folder holds what the last build wrote. Every input must count, every
 * change in the output folder must be noticed, and `--force` must build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKey, recordBuild, upToDate } from '../scripts/build/up-to-date.js';
import { runnable, build } from './helpers/build.js';
import { fixture, PROJECT_ROOT, VALID_FIXTURE } from './helpers/fixture.js';

/** A stand-in project: package files, documents, a lib/ of "compiled code", and data/. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'ops-key-'));
  for (const f of ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'CITATION.cff', 'CHANGELOG.md']) writeFileSync(join(root, f), `${f}\n`);
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs/METHODOLOGY.md'), '# Method\n');
  mkdirSync(join(root, 'lib/scripts'), { recursive: true });
  writeFileSync(join(root, 'lib/scripts/a.js'), 'export {};\n');
  cpSync(join(VALID_FIXTURE, 'data'), join(root, 'data'), { recursive: true });
  const key = () => buildKey(root, root, join(root, 'lib'))!;
  return { root, key };
}

describe('the key of a build', () => {
  it('is not made for code run from the TypeScript sources, so that the tests always build', () => {
    expect(buildKey(PROJECT_ROOT, PROJECT_ROOT)).toBeUndefined();
  });

  it('stays the same when nothing changed', () => {
    const p = project();
    expect(p.key()).toMatch(/^[0-9a-f]{64}$/);
    expect(p.key()).toBe(p.key());
  });

  const changes: Array<[string, (root: string) => void]> = [
    ['a data file', (r) => writeFileSync(join(r, 'data/events.json'), '[]\n')],
    ['a new file in data/', (r) => writeFileSync(join(r, 'data/extra.json'), '[]\n')],
    ['a data file replaced by a link to the same bytes', (r) => {
      cpSync(join(r, 'data/events.json'), join(r, 'events-copy.json'));
      rmSync(join(r, 'data/events.json'));
      symlinkSync(join(r, 'events-copy.json'), join(r, 'data/events.json'));
    }],
    ['the released ids', (r) => {
      mkdirSync(join(r, 'data/ids'), { recursive: true });
      writeFileSync(join(r, 'data/ids/released.json'), '{}\n');
    }],
    ['package.json', (r) => writeFileSync(join(r, 'package.json'), '{"version": "9.9.9"}\n')],
    ['package-lock.json (library versions)', (r) => writeFileSync(join(r, 'package-lock.json'), '{}\n')],
    ['CITATION.cff', (r) => writeFileSync(join(r, 'CITATION.cff'), 'cff-version: 1.2.0\n')],
    ['a document in docs/', (r) => writeFileSync(join(r, 'docs/METHODOLOGY.md'), '# Method, revised\n')],
    ['a compiled module', (r) => writeFileSync(join(r, 'lib/scripts/a.js'), 'export const a = 1;\n')],
    ['a new compiled module', (r) => writeFileSync(join(r, 'lib/scripts/b.js'), 'export {};\n')],
  ];
  for (const [what, change] of changes) {
    it(`changes with ${what}`, () => {
      const p = project();
      const before = p.key();
      change(p.root);
      expect(p.key()).not.toBe(before);
    });
  }
});

describe('the record of a build', () => {
  function recorded() {
    const cache = mkdtempSync(join(tmpdir(), 'ops-cache-'));
    const out = join(mkdtempSync(join(tmpdir(), 'ops-out-')), 'dist');
    mkdirSync(join(out, 'csv'), { recursive: true });
    const files = new Map([['a.json', Buffer.from('[1]\n')], ['csv/b.csv', Buffer.from('x\r\n1\r\n')]]);
    for (const [path, bytes] of files) writeFileSync(join(out, path), bytes);
    return { cache, out, files, check: (key = 'k1') => upToDate(out, key, cache) };
  }

  it('gives back the summary when the key and every file match', () => {
    const r = recorded();
    recordBuild(r.out, 'k1', ['  summary line'], r.cache);
    expect(r.check()).toEqual(['  summary line']);
    expect(r.check('k2')).toBeUndefined();
  });

  const edits: Array<[string, (out: string) => void]> = [
    ['a file edited with the same size', (o) => writeFileSync(join(o, 'a.json'), '[2]\n')],
    ['a file added', (o) => writeFileSync(join(o, 'extra.txt'), 'x')],
    ['a file removed', (o) => rmSync(join(o, 'csv/b.csv'))],
    ['the folder removed', (o) => rmSync(o, { recursive: true })],
    ['a file replaced by a link', (o) => {
      rmSync(join(o, 'a.json'));
      writeFileSync(join(o, '..', 'a.json'), '[1]\n');
      symlinkSync(join(o, '..', 'a.json'), join(o, 'a.json'));
    }],
  ];
  for (const [what, edit] of edits) {
    it(`is not taken after ${what} in the output folder`, () => {
      const r = recorded();
      recordBuild(r.out, 'k1', ['  summary line'], r.cache);
      edit(r.out);
      expect(r.check()).toBeUndefined();
    });
  }

  it('is not taken when damaged', () => {
    const r = recorded();
    recordBuild(r.out, 'k1', ['  summary line'], r.cache);
    const [file] = readdirSync(join(r.cache, 'builds'));
    writeFileSync(join(r.cache, 'builds', file!), '{"version": 1, "key": ');
    expect(r.check()).toBeUndefined();
  });
});

describe('npm run build, twice', () => {
  it('does nothing the second time, builds again with --force, after a data edit, and when dist/ was touched', () => {
    const data = fixture();
    const out = join(mkdtempSync(join(tmpdir(), 'ops-twice-')), 'dist');
    const first = build(out, data.root);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Built /);
    const second = build(out, data.root);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/is up to date: built from the same data, documents and code/);
    // The same summary as the build that wrote it.
    expect(second.stdout.split('\n').slice(1)).toEqual(first.stdout.split('\n').slice(1));

    const forced = spawnSync(process.execPath, [runnable('lib/scripts/build/main.js'), '--out', out, '--root', data.root, '--force'], { encoding: 'utf8' });
    expect(forced.stdout).toMatch(/^Built /);

    writeFileSync(join(out, 'stations.geojson'), '{}');
    const repaired = build(out, data.root);
    expect(repaired.stdout).toMatch(/^Built /);
    expect(build(out, data.root).stdout).toMatch(/is up to date/);

    data.edit('events', (records) => records.pop());
    const edited = build(out, data.root);
    expect(edited.stdout).toMatch(/^Built /);
  });
});

describe('unreadable files', () => {
  it('change the key instead of ending the build', () => {
    // A folder where a file is read (EISDIR): a read error whoever runs the test, root included.
    const p = project();
    const before = p.key();
    rmSync(join(p.root, 'README.md'));
    mkdirSync(join(p.root, 'README.md'));
    expect(() => p.key()).not.toThrow();
    expect(p.key()).not.toBe(before);
  });

  it('in the output folder make a full build, not a crash', () => {
    const cache = mkdtempSync(join(tmpdir(), 'ops-cache-'));
    const out = join(mkdtempSync(join(tmpdir(), 'ops-out-')), 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'a.json'), '[1]\n');
    recordBuild(out, 'k1', [], cache);
    rmSync(join(out, 'a.json'));
    mkdirSync(join(out, 'a.json'));
    expect(() => upToDate(out, 'k1', cache)).not.toThrow();
    expect(upToDate(out, 'k1', cache)).toBeUndefined();
  });
});

describe('npm run build into a closed pipe', () => {
  it('ends quietly, without an EPIPE stack trace, whether it builds or finds the folder up to date', () => {
    const data = fixture();
    const out = join(mkdtempSync(join(tmpdir(), 'ops-pipe-')), 'dist');
    const main = runnable('lib/scripts/build/main.js');
    for (let i = 0; i < 2; i++) {
      const run = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" --out "${out}" --root "${data.root}" | head -c 10 > /dev/null`], { encoding: 'utf8' });
      expect(run.stderr).not.toContain('EPIPE');
    }
  });
});
