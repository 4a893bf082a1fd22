/**
 * The record-by-record reader of the streamed build (scripts/lint/read-records.ts)
 * against readDataFile: the same records for every real and fixture file, and,
 * for every kind of file problem, exactly what readDataFile says (it hands the
 * file over to it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { MAX_DEPTH } from '../scripts/lint/json-text.js';
import { readDataFile } from '../scripts/lint/read-file.js';
import { readRecords, recordRanges } from '../scripts/lint/read-records.js';
import { PROJECT_ROOT, VALID_FIXTURE } from './helpers/fixture.js';

const root = mkdtempSync(join(tmpdir(), 'ops-read-records-'));
mkdirSync(join(root, 'data'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILE = 'data/events.json';
const withFile = (content: string | Uint8Array) => {
  writeFileSync(join(root, FILE), content);
  return root;
};
const a = '{"id":"a","n":1}';
const b = '{"id":"b","nested":{"list":[1,"]}",{"x":"\\\\\\""}]}}';

describe('reading record by record', () => {
  it.each([PROJECT_ROOT, VALID_FIXTURE].flatMap((r) => collections.map((c) => [r, c.file] as const)))('gives %s/%s the records readDataFile gives, with no problem', (from, file) => {
    const fast = readRecords(from, file);
    const slow = readDataFile(join(from, file), file);
    expect(fast.problems).toEqual(slow.problems);
    expect(fast.records).toEqual(slow.records);
    expect(fast.text).toBeUndefined(); // the whole text is never made
    // Read in chunks that cut records (and multi-byte characters) anywhere: the same records.
    const chunked = readRecords(from, file, 1000);
    expect(chunked.records).toEqual(slow.records);
    expect(chunked.again!(0, chunked.records!.length)).toEqual(slow.records);
  });

  it('finds where each record starts and ends in the bytes, strings with brackets and escapes included', () => {
    const text = ` [\n  ${a},\r\n\t${b}\n]\n`;
    const ranges = recordRanges(Buffer.from(text))!;
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual([a, b]);
    expect(recordRanges(Buffer.from('[]'))).toEqual([]);
  });

  const deep = `[${'{"a":'.repeat(MAX_DEPTH)}1${'}'.repeat(MAX_DEPTH)}]`;
  const justDeepEnough = `[${'{"a":'.repeat(MAX_DEPTH - 1)}1${'}'.repeat(MAX_DEPTH - 1)}]`;
  it.each([
    ['a byte order mark', `\uFEFF[${a}]`],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from(`[{"id":"`), Buffer.from([0xc3, 0x28]), Buffer.from('"}]')])],
    ['an empty file', ''],
    ['white space only', ' \n'],
    ['an object, not an array', a],
    ['a record that is not an object', `[${a},"text"]`],
    ['a missing comma between records', `[${a} ${b}]`],
    ['a trailing comma', `[${a},]`],
    ['something after the array', `[${a}] x`],
    ['an unclosed array', `[${a},`],
    ['a syntax error inside a record', `[{"id":"a",}]`],
    ['a duplicate key', `[{"id":"a","id":"b"}]`],
    ['a number beyond 2^53', `[{"id":"a","n":12345678901234567890}]`],
    ['a forbidden key', `[{"id":"a","x":{"__proto__":{"y":1}}}]`],
    ['an escaped forbidden key', `[{"id":"a","\\u0063onstructor":1}]`],
    ['records out of order', `[${b},${a}]`],
    ['nesting too deep', deep],
    ['nesting at the limit', justDeepEnough],
    ['a comment', `[${a} // no\n]`],
  ])('says what readDataFile says about %s', (_what, content) => {
    const from = withFile(content);
    const fast = readRecords(from, FILE);
    const slow = readDataFile(join(from, FILE), FILE);
    // The same in chunks of a few bytes (a record, a string or an escape cut anywhere).
    const small = readRecords(from, FILE, 3);
    expect({ problems: small.problems, records: small.records }).toEqual({ problems: fast.problems, records: fast.records });
    if (slow.problems.length) expect(fast).toEqual(slow);
    else expect({ problems: fast.problems, records: fast.records }).toEqual({ problems: [], records: slow.records });
  });

  it('hands a symbolic link over to readDataFile', () => {
    const target = join(root, 'outside.json');
    writeFileSync(target, `[${a}]`);
    rmSync(join(root, FILE), { force: true });
    symlinkSync(target, join(root, FILE));
    expect(readRecords(root, FILE)).toEqual(readDataFile(join(root, FILE), FILE));
    expect(readRecords(root, FILE).problems[0]?.check).toBe('symlink');
    rmSync(join(root, FILE));
    expect(readRecords(root, FILE)).toEqual(readDataFile(join(root, FILE), FILE));
    expect(readRecords(root, FILE).problems[0]?.check).toBe('readable');
  });

  it('parses a clean file without holding its text', () => {
    const from = withFile(`[\n${a},\n${b}\n]\n`);
    const fast = readRecords(from, FILE);
    expect({ problems: fast.problems, records: fast.records, text: fast.text }).toEqual({ problems: [], records: [JSON.parse(a), JSON.parse(b)], text: undefined });
    for (const chunk of [1, 2, 3, 5, 64]) expect(readRecords(from, FILE, chunk).records, `chunks of ${chunk}`).toEqual(fast.records);
    // Each piece can be parsed again from the bytes, to the same values.
    expect(fast.again!(1, 2)).toEqual([JSON.parse(b)]);
    expect(fast.again!(0, 2)).toEqual(fast.records);
    expect(readFileSync(join(from, FILE), 'utf8')).toContain(a);
  });

  it('reads a piece again only while the file holds the bytes first read', () => {
    const from = withFile(`[\n${a},\n${b}\n]\n`);
    const fast = readRecords(from, FILE);
    expect(fast.again!(0, 0)).toEqual([]);
    writeFileSync(join(from, FILE), `[\n${a.replace('"a"', '"c"')},\n${b}\n]\n`); // same length, other bytes
    expect(fast.again!(0, 1)).toBeUndefined();
    rmSync(join(from, FILE));
    expect(fast.again!(1, 2)).toBeUndefined();
  });

  it('checks each block of records it reads again, and only those', () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ id: `r-${String(i).padStart(5, '0')}`, text: '温州 “quoted”' }));
    const from = withFile(JSON.stringify(many, null, 2));
    const fast = readRecords(from, FILE, 4096);
    expect(fast.records).toEqual(many);
    expect(fast.again!(990, 1010)).toEqual(many.slice(990, 1010));
    writeFileSync(join(from, FILE), JSON.stringify(many, null, 2).replace('r-02400', 'r-02401'));
    expect(fast.again!(0, 1000)).toEqual(many.slice(0, 1000)); // blocks 1 and 2 are as first read
    expect(fast.again!(2000, 2100)).toBeUndefined(); // block 3 is not
  });
});
