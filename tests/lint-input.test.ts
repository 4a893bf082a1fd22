/**
 * Hostile or odd input to the linter (issue 18): deep nesting, duplicate keys,
 * unsafe integers, symbolic links, huge ids, and text that would inject
 * terminal escapes or workflow commands into the output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintData } from '../scripts/lint/run.js';
import type { Problem } from '../scripts/lint/problems.js';
import { formatGithub, formatReport } from '../scripts/lint/report.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';
import { runnable } from './helpers/build.js';

const lint = (root: string) => lintData(root).problems;
const validate = (...args: string[]) => spawnSync(process.execPath, [runnable('lib/scripts/validate.js'), ...args], { encoding: 'utf8' });
const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;

describe('deep nesting', () => {
  it.each([
    ['3,000 unclosed [', '['.repeat(3000)],
    ['8,000 levels of valid nesting', '['.repeat(8000) + ']'.repeat(8000)],
    ['deep objects inside a record', '[{"id": "x", "notes": ' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}]'],
  ])('refuses %s with a message, not a stack overflow', (_what, text) => {
    const f = fixture().write('events', text);
    const problems = lint(f.root);
    const p = problems.find((x) => x.check === 'depth');
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.file).toBe('data/events.json');
    expect(p!.message).toContain('nested too deeply');
    expect(p!.line).toBe(1);
    const run = validate('--root', f.root);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.stdout + run.stderr).not.toContain('RangeError');
  });
});

describe('duplicate keys', () => {
  it('are refused with the line of each', () => {
    const f = fixture();
    const text = JSON.stringify(f.read('actors'), null, 2).replace('"kind": "ngo"', '"kind": "ngo",\n    "name": "Someone else"');
    f.write('actors', text);
    const p = lint(f.root).find((x) => x.check === 'duplicate-key');
    expect(p).toBeDefined();
    const lines = text.split('\n');
    const second = lines.findIndex((l) => l.includes('Someone else')) + 1;
    const first = lines.findIndex((l, i) => i > 20 && l.includes('"name"') && !l.includes('Someone else') && i < second) + 1;
    expect(p).toMatchObject({ file: 'data/actors.json', id: 'example-ngo', path: '/2/name', line: second });
    expect(p!.message).toContain(`line ${first}`);
    expect(p!.message).toContain(`line ${second}`);
  });
});

describe('numbers beyond 2^53', () => {
  it('are refused, naming the number as written', () => {
    const f = fixture();
    f.write('figures', JSON.stringify(f.read('figures'), null, 2).replace(/"value": 11\b/, '"value": 9007199254740993'));
    const p = lint(f.root).find((x) => x.check === 'unsafe-number');
    expect(p).toMatchObject({ file: 'data/figures.json', path: '/1/value', id: 'example-stations-italy-ngo' });
    expect(p!.message).toContain('9007199254740993');
    expect(p!.line).toBeGreaterThan(1);
  });

  it('accept the largest safe integer', () => {
    const f = fixture();
    f.write('figures', JSON.stringify(f.read('figures'), null, 2).replace(/"value": 11\b/, `"value": ${Number.MAX_SAFE_INTEGER}`));
    expect(lint(f.root).filter((x) => x.check === 'unsafe-number')).toEqual([]);
  });
});

describe('symbolic links in data/', () => {
  it('are refused and not followed', () => {
    const outside = mkdtempSync(join(tmpdir(), 'ops-outside-'));
    writeFileSync(join(outside, 'secret.json'), '[{"id": "leaked-secret"}]');
    const f = fixture();
    rmSync(join(f.root, 'data/events.json'));
    symlinkSync(join(outside, 'secret.json'), join(f.root, 'data/events.json'));
    const problems = lint(f.root);
    expect(problems.find((p) => p.check === 'symlink')).toMatchObject({ file: 'data/events.json' });
    expect(JSON.stringify(problems)).not.toContain('leaked-secret');
  });

  it('are refused for the data folder itself', () => {
    const f = fixture();
    const real = mkdtempSync(join(tmpdir(), 'ops-realdata-'));
    const root = mkdtempSync(join(tmpdir(), 'ops-linkroot-'));
    spawnSync('cp', ['-r', join(f.root, 'data'), real]);
    symlinkSync(join(real, 'data'), join(root, 'data'));
    const problems = lint(root);
    expect(problems.filter((p) => p.check === 'symlink').length).toBeGreaterThanOrEqual(7);
  });
});

describe('"did you mean" on huge ids', () => {
  it('stays fast with a 32 KB source id and four 32 KB dangling references', () => {
    const big = (c: string) => 'a' + c.repeat(32 * 1024);
    const f = fixture()
      .edit('sources', (r) => r.push({ ...r[0], id: big('b') }))
      .edit('events', (r) => r[0].sources.push(...['c', 'd', 'e', 'f'].map((c) => ({ source: big(c) }))));
    const start = performance.now();
    const problems = lint(f.root);
    expect(performance.now() - start).toBeLessThan(10_000); // 88 s before the bound
    const refs = problems.filter((p) => p.check === 'reference');
    expect(refs).toHaveLength(4);
    for (const p of refs) expect(p.tip).not.toContain('Did you mean');
  });

  it('still suggests for a plausible typo', () => {
    const f = fixture().edit('events', (r) => (r[0].sources[0].source = 'exmaple-original'));
    expect(lint(f.root).find((p) => p.check === 'reference')!.tip).toBe('Did you mean "example-original"?');
  });
});

describe('log injection', () => {
  const hostile = 'x\u001b[2J\u001b[31m\r\n✔ no problems found (0 errors, 0 warnings)\n::error file=README.md::forged\n::warning::forged%0A';
  const problems = (): Problem[] => {
    const f = fixture().edit('statements', (r) => (r[0].speaker = hostile));
    return lint(f.root);
  };

  it('prints no control character and no line of its own from the data (human format)', () => {
    const out = formatReport(problems());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    for (const line of out.split('\n')) {
      expect(line.trimStart()).not.toMatch(/^::/);
      expect(line.trimStart().startsWith('✔')).toBe(false);
    }
    expect(out).toContain('\\u{1b}[2J');
  });

  it('escapes data in workflow commands by GitHub\'s rules (github format)', () => {
    const out = formatGithub(problems());
    const lines = out.split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands.length).toBe(lines.length - 1); // one command per problem, then the summary
    expect(lines[lines.length - 1]).toMatch(/^✖ \d+ errors? and/);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const reference = commands.find((l) => l.includes('reference'))!;
    expect(reference).toMatch(/^::error file=data\/statements\.json,line=\d+,col=\d+,title=dataset\/reference "example-minister-2022-12-07"::at \/0\/speaker: "x\\u\{1b\}\[2J/);
    expect(reference).toContain('%250A'); // a literal %0A in the data stays literal
    expect(reference).not.toContain('\n::');
  });

  it('escapes a hostile root folder name in the first line', () => {
    const run = validate('--root', '/nonexistent/\u001b[31mred', '--format', 'human');
    expect(run.stdout).not.toContain('\u001b[31m');
  });

  it('rejects an unknown format', () => {
    const run = validate('--format', 'xml');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('known formats: human, github, json');
  });
});

describe('--format json', () => {
  it('prints the problems with line and column', () => {
    const f = fixture().edit('statements', (r) => (r[0].speaker = 'example-ministr'));
    const run = validate('--root', f.root, '--format', 'json');
    const out = JSON.parse(run.stdout) as Problem[];
    expect(out.find((p) => p.check === 'reference')).toMatchObject({ file: 'data/statements.json', path: '/0/speaker', line: 4, column: 16 });
    expect(run.status).toBe(1);
  });
});

describe('every problem that points into a file has a line', () => {
  it('holds for a mix of record and dataset problems', () => {
    const f = fixture()
      .edit('stations', (r) => { delete r[0].country; r[0].history.reverse(); })
      .edit('figures', (r) => (r[0].value = 'eleven'))
      .edit('actors', (r) => (r[0].nickname = 'x'));
    const problems = lint(f.root);
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems.filter((x) => x.path !== '')) expect(p.line, JSON.stringify(p)).toBeGreaterThan(0);
    void readFileSync;
  });
});

describe('string length bounds (the lint side of the schemas\' limits)', () => {
  it('says how long an id may be, in words', () => {
    const f = fixture().edit('events', (r) => (r[0].id = 'a' + 'b'.repeat(100)));
    const p = lint(f.root).find((x) => x.path === '/0/id' && x.check === 'schema');
    expect(p!.message).toBe('is longer than 80 characters');
    expect(p!.tip).toContain('at most 80 characters');
  });
});

describe('--format github ordering', () => {
  it('puts errors before warnings (GitHub keeps only the first annotations of each step)', () => {
    const f = fixture().edit('statements', (r) => (r[0].speaker = 'example-ministr'));
    f.write('events', '\uFEFF' + JSON.stringify(f.read('events'))); // a warning found while reading, before any error
    expect(lint(f.root)[0]!.level).toBe('warning');
    const commands = formatGithub(lint(f.root)).split('\n').filter((l) => l.startsWith('::'));
    const firstWarning = commands.findIndex((l) => l.startsWith('::warning'));
    const lastError = commands.map((l) => l.startsWith('::error')).lastIndexOf(true);
    expect(firstWarning).toBeGreaterThan(-1);
    expect(lastError).toBeLessThan(firstWarning);
  });
});
