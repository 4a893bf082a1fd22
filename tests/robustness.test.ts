/**
 * Bad input gets a clear message and loses nothing: each broken data file is
 * run through the validator and the build; both must fail with a message that
 * names the file (and the record id and JSON path where there is one), print
 * no stack trace, and leave an existing dist/ byte-for-byte unchanged.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv, unneutralise } from '../scripts/build/csv.js';
import { build, freshBuild, runnable, snapshot } from './helpers/build.js';
import { fixture, type Fixture, PROJECT_ROOT } from './helpers/fixture.js';

const validate = (root: string) => spawnSync(process.execPath, [runnable('lib/scripts/validate.js'), '--root', root], { encoding: 'utf8' });
const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;

let dist: string;
let before: Map<string, Buffer>;
beforeAll(() => {
  dist = freshBuild();
  before = snapshot(dist);
});

interface Case {
  name: string;
  break: (f: Fixture) => unknown;
  file: string;
  expect: RegExp;
}
const stationsText = (f: Fixture) => JSON.stringify(f.read('stations'), null, 2);

const cases: Case[] = [
  { name: 'truncated JSON', break: (f) => f.write('events', stationsText(f).slice(0, 200)), file: 'data/events.json', expect: /data\/events\.json line \d+, column \d+: invalid JSON/ },
  { name: 'a trailing comma', break: (f) => f.write('actors', '[{"id": "a"},]'), file: 'data/actors.json', expect: /data\/actors\.json line 1, column 13: invalid JSON: trailing comma/ },
  { name: 'an empty file', break: (f) => f.write('figures', ''), file: 'data/figures.json', expect: /data\/figures\.json: the file is empty/ },
  { name: 'a file that is not an array', break: (f) => f.write('figures', '{"records": []}'), file: 'data/figures.json', expect: /data\/figures\.json: the file holds an object, not an array/ },
  { name: 'invalid UTF-8 bytes', break: (f) => f.write('events', Buffer.concat([Buffer.from('[{"id": "caf'), Buffer.from([0xe9]), Buffer.from('"}]')])), file: 'data/events.json', expect: /data\/events\.json: the file is not valid UTF-8 \(first bad byte at offset 12\)/ },
  { name: 'a missing required field', break: (f) => f.edit('stations', (r) => delete r[0].status), file: 'data/stations.json', expect: /record "it-example-city" at \/0\/status line \d+, column \d+: missing required field "status"/ },
  { name: 'a wrong type', break: (f) => f.edit('figures', (r) => (r[1].value = 'eleven')), file: 'data/figures.json', expect: /record "example-stations-italy-ngo" at \/1\/value line \d+, column \d+: wrong type/ },
  { name: 'an unknown key', break: (f) => f.edit('actors', (r) => (r[0].nickname = 'x')), file: 'data/actors.json', expect: /record "example-bureau" at \/0\/nickname line \d+, column \d+: unknown key "nickname"/ },
  { name: 'a __proto__ key', break: (f) => f.write('actors', JSON.stringify(f.read('actors')).replace('"kind":"ngo"', '"kind":"ngo","__proto__":{"polluted":true}')), file: 'data/actors.json', expect: /record "example-ngo" at \/2\/__proto__ line \d+, column \d+: the key "__proto__" is not allowed/ },
  { name: 'a constructor key', break: (f) => f.write('events', JSON.stringify(f.read('events')).replace('"kind":', '"constructor":{"prototype":{"polluted":true}},"kind":')), file: 'data/events.json', expect: /at \/0\/constructor line \d+, column \d+: the key "constructor" is not allowed/ },
  { name: 'a duplicate id', break: (f) => f.edit('figures', (r) => (r[1].id = r[0].id)), file: 'data/figures.json', expect: /record "example-stations-italy-minister" at \/1\/id line \d+, column \d+: duplicate id/ },
  { name: 'a dangling source reference', break: (f) => f.edit('events', (r) => (r[0].sources[0].source = 'exmaple-translation')), file: 'data/events.json', expect: /at \/0\/sources\/0\/source line \d+, column \d+: "exmaple-translation" is not the id of any record in data\/sources\.json/ },
  { name: 'the date 2022-02-30', break: (f) => f.edit('events', (r) => (r[0].date = '2022-02-30')), file: 'data/events.json', expect: /record "example-report-2022-12-05" at \/0\/date line \d+, column \d+: must be a real calendar date/ },
  { name: 'the date 2022-13', break: (f) => f.edit('sources', (r) => (r[0].date = '2022-13')), file: 'data/sources.json', expect: /record "example-original" at \/0\/date line \d+, column \d+: must be a real calendar date/ },
  { name: 'a station closed before it opened', break: (f) => f.edit('stations', (r) => { r[0].opened[0].value = '2023-01'; r[0].opened[1].value = '2023'; r[0].history[0].date = '2022-01'; }), file: 'data/stations.json', expect: /record "it-example-city" at \/0\/history\/1\/date line \d+, column \d+: the station is recorded as closing \(2022-12-07\) before it opened \(2023-01\)/ },
  { name: '8,000 levels of nesting', break: (f) => f.write('events', '['.repeat(8000) + ']'.repeat(8000)), file: 'data/events.json', expect: /data\/events\.json line 1, column 65: the data is nested too deeply/ },
  { name: 'a duplicate key', break: (f) => f.write('actors', JSON.stringify(f.read('actors'), null, 2).replace('"kind": "ngo"', '"kind": "ngo",\n    "kind": "person"')), file: 'data/actors.json', expect: /record "example-ngo" at \/2\/kind line \d+, column \d+: the key "kind" appears twice in one object, at line \d+ and at line \d+/ },
  { name: 'an integer beyond 2^53', break: (f) => f.write('figures', JSON.stringify(f.read('figures')).replace('"value":11', '"value":9007199254740993')), file: 'data/figures.json', expect: /at \/1\/value line 1, column \d+: the number 9007199254740993 is beyond 2\^53/ },
  { name: 'a 10 MB string', break: (f) => f.edit('statements', (r) => (r[0].text = 'x'.repeat(10 * 1024 * 1024))), file: 'data/statements.json', expect: /record "example-minister-2022-12-07" at \/0\/text line \d+, column \d+: is longer than 10000 characters/ },
];

describe.each(cases)('bad input: $name', (c) => {
  const f = fixture();
  c.break(f);

  it('is explained by the validator, without a stack trace', () => {
    const run = validate(f.root);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(c.expect);
    expect(run.stdout + run.stderr).toContain(c.file);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
  });

  it('makes the build fail and leaves dist/ untouched', () => {
    const run = build(dist, f.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(c.expect);
    expect(run.stderr).not.toMatch(STACK);
    const after = snapshot(dist);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });
});

describe('accepted input', () => {
  it('accepts CRLF line ends and builds the same artifacts as LF', () => {
    const lf = fixture();
    const crlf = fixture();
    for (const c of ['sources', 'actors', 'stations', 'agreements', 'statements', 'figures', 'events']) {
      crlf.write(c, JSON.stringify(crlf.read(c), null, 2).replace(/\n/g, '\r\n'));
    }
    const a = snapshot(freshBuild(lf.root));
    const b = snapshot(freshBuild(crlf.root));
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
  });

  it('accepts a UTF-8 BOM (with a warning) and builds', () => {
    const f = fixture();
    f.write('events', '\uFEFF' + JSON.stringify(f.read('events')));
    expect(validate(f.root).stdout).toContain('byte order mark; it is accepted and ignored');
    expect(build(freshBuild(), f.root).status).toBe(0);
  });

  it('validates 100,000 records in one file without crashing', () => {
    const f = fixture().edit('events', (r) => {
      const template = r[0];
      r.length = 0;
      for (let i = 0; i < 100_000; i++) r.push({ ...template, id: `event-${String(i).padStart(6, '0')}` });
    });
    const run = validate(f.root);
    expect(run.stdout).toContain('Checked 100010 records');
    expect(run.status).toBe(0);
  });
});

describe('text that a spreadsheet would run as a formula', () => {
  const dangerous = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1:A2)', 'Line one\nline two', "'=already quoted"];

  it('is valid data, neutralised in the CSV, and recovered by the documented rule', () => {
    const f = fixture()
      .edit('statements', (r) => {
        const template = r[0];
        r.length = 0;
        dangerous.forEach((text, i) => r.push({ ...template, id: `formula-${i}`, text, context: text }));
      })
      .edit('actors', (r) => (r[1].name = '=HYPERLINK("http://evil","click")'));
    expect(validate(f.root).status).toBe(0);
    const out = freshBuild(f.root);
    const read = (table: string) => parse(readFileSync(join(out, `csv/${table}.csv`)), { columns: true, bom: true }) as Array<Record<string, string>>;
    const rows = read('statements');
    for (const [i, text] of dangerous.entries()) {
      const row = rows.find((r) => r.id === `formula-${i}`)!;
      for (const cell of [row.text!, row.context!]) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(unneutralise(cell)).toBe(text);
      }
    }
    expect(read('actors').find((a) => a.id === 'example-minister')!.name).toBe('\'=HYPERLINK("http://evil","click")');
    expect(read('stations')[0]!.longitude).toBe('11.1'); // numbers are never prefixed
  });

  it('is neutralised by the CSV writer even where the schema forbids it (leading tab or carriage return)', () => {
    const table = { name: 't', title: 't', description: 't', collection: 'sources' as const, primaryKey: ['a'], fields: [{ name: 'a', type: 'string' as const, description: 'a' }, { name: 'n', type: 'number' as const, description: 'n' }], rows: () => [] };
    const texts = ['\tcmd', '\rcmd', '-', '+', '@', '='];
    const csv = toCsv(table, texts.map((a) => ({ a, n: -2 })));
    const parsed = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(parsed.map((r) => r.a!.startsWith("'"))).toEqual(texts.map(() => true));
    expect(parsed.map((r) => unneutralise(r.a!))).toEqual(texts);
    expect(parsed.map((r) => r.n)).toEqual(texts.map(() => '-2'));
  });
});
