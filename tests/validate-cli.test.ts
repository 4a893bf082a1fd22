import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, PROJECT_ROOT, VALID_FIXTURE } from './helpers/fixture.js';
import { runnable } from './helpers/build.js';

const validate = (...args: string[]) =>
  spawnSync(process.execPath, [runnable('lib/scripts/validate.js'), ...args], { encoding: 'utf8' });

describe('npm run validate', () => {
  it('passes on the real data', () => {
    const run = validate();
    expect(run.stdout + run.stderr).toContain('0 errors');
    expect(run.status).toBe(0);
  });

  it('passes on the valid fixture', () => {
    const run = validate('--root', VALID_FIXTURE);
    expect(run.stdout).toContain('no problems found');
    expect(run.status).toBe(0);
  });

  it('explains every injected fault in one run, without a stack trace', () => {
    const f = fixture()
      .write('events', '[{"id": "x"')
      .write('figures', '{}')
      .edit('statements', (r) => (r[0].speaker = 'example-ministr'))
      .edit('stations', (r) => (r[0].history[0].date = '2022-02-30'));
    const run = validate('--root', f.root);
    expect(run.status).toBe(1);
    const out = run.stdout + run.stderr;
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack frames
    expect(out).toContain('data/events.json line 1, column 12: invalid JSON');
    expect(out).toContain('data/figures.json: the file holds an object, not an array of records');
    expect(out).toContain('data/statements.json record "example-minister-2022-12-07" at /0/speaker line 4, column 16: "example-ministr" is not the id of any record in data/actors.json');
    expect(out).toContain('Tip: Did you mean "example-minister"?');
    const dateLine = readFileSync(join(f.root, 'data/stations.json'), 'utf8').split('\n').findIndex((l) => l.includes('"2022-02-30"')) + 1;
    expect(out).toContain(`data/stations.json record "it-example-city" at /0/history/0/date line ${dateLine}, column 17: must be a real calendar date`);
    expect(out).toMatch(/✖ 5 errors and \d+ warnings? in 4 files/); // the statement also cites a figure of the broken file
  });

  it('fails on warnings when asked to', () => {
    const f = fixture().edit('actors', (r) => r.push({ ...r[2], id: 'zz-nobody' }));
    expect(validate('--root', f.root).status).toBe(0);
    expect(validate('--root', f.root, '--fail-on-warnings').status).toBe(1);
  });

  it('rejects an unknown option with a usage message', () => {
    const run = validate('--rooot', '.');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --rooot');
  });
});

describe('a closed pipe', () => {
  it('ends the output quietly, without an EPIPE stack trace', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${join(PROJECT_ROOT, 'lib/scripts/validate.js')}" --format github | head -c 10 > /dev/null`], { encoding: 'utf8' });
    expect(run.stderr).not.toContain('EPIPE');
  });
});
