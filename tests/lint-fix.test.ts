/** `npm run fix`: what it changes, what it reports, and what it refuses to touch. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';
import { runnable } from './helpers/build.js';

const fix = (root: string) => spawnSync(process.execPath, [runnable('lib/scripts/fix-data.js'), '--root', root], { encoding: 'utf8' });
const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;
const read = (root: string, c: string) => readFileSync(join(root, 'data', `${c}.json`), 'utf8');

describe('npm run fix', () => {
  it('changes nothing in a valid, sorted file, keeping numbers and escapes as written', () => {
    const f = fixture();
    const text = JSON.stringify(f.read('stations'), null, 2).replace(/"lon": 11\.1\b/, '"lon": 11.10').replace('"IT"', '"\\u0049T"') + '\n';
    expect(text).toContain('"lon": 11.10');
    f.write('stations', text);
    const run = fix(f.root);
    expect(run.status).toBe(0);
    expect(read(f.root, 'stations')).toBe(text);
    expect(run.stdout).toContain('✔ data/stations.json: unchanged');
  });

  it('sorts, re-lays out, and says why, still keeping each value\'s text', () => {
    const f = fixture();
    const records = f.read('actors').reverse();
    f.write('actors', '\uFEFF' + JSON.stringify(records, null, 4).replace(/\n/g, '\r\n').replace('"kind": "ngo"', '"kind": "ngo", "n": -74.0'));
    const run = fix(f.root);
    const out = read(f.root, 'actors');
    expect(run.stdout).toMatch(/✎ data\/actors\.json: rewritten \(3 records\): sorted the records by id; removed the byte order mark; line ends CRLF → LF; re-indented/);
    expect(out).toContain('"n": -74.0');
    expect(out.startsWith('[\n  {\n    "id": "example-bureau"')).toBe(true);
    expect(out.endsWith('}\n]\n')).toBe(true);
    expect(fix(f.root).stdout).toContain('✔ data/actors.json: unchanged');
  });

  it.each([
    ['deeply nested', '['.repeat(3000), 'nested too deeply'],
    ['a number beyond 2^53', '[{"id": "a", "n": 9007199254740993}]', 'beyond 2^53'],
    ['duplicate keys', '[{"id": "a", "id": "b"}]', 'appears twice'],
    ['invalid JSON', '[{"id": "a",}]', 'invalid JSON'],
  ])('refuses a file that is %s, without a stack trace, leaving it as it was', (_what, text, message) => {
    const f = fixture().write('events', text);
    const run = fix(f.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data/events.json: not rewritten');
    expect(run.stderr).toContain(message);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(read(f.root, 'events')).toBe(text);
  });

  it('does not follow a symbolic link', () => {
    const outside = mkdtempSync(join(tmpdir(), 'ops-outside-'));
    const target = join(outside, 'victim.json');
    writeFileSync(target, '[{"id": "b"}, {"id": "a"}]');
    const f = fixture();
    rmSync(join(f.root, 'data/events.json'));
    symlinkSync(target, join(f.root, 'data/events.json'));
    const run = fix(f.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('symbolic link');
    expect(readFileSync(target, 'utf8')).toBe('[{"id": "b"}, {"id": "a"}]');
  });
});
