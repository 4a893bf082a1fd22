/** The CSV writer's documented rules, cell by cell (the round trip is in properties.test.ts). */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../scripts/build/csv.js';
import type { Table } from '../scripts/build/tables.js';

const table: Table = {
  name: 't', title: 't', description: 't', primaryKey: ['a'], rows: () => [],
  fields: [
    { name: 'a', type: 'string', description: 'text' },
    { name: 'n', type: 'number', description: 'number' },
    { name: 'flag', type: 'boolean', description: 'boolean' },
  ],
};

describe('toCsv', () => {
  it('writes the header, CRLF after every record, and no BOM', () => {
    expect(toCsv(table, [{ a: 'x', n: 1, flag: true }])).toBe('a,n,flag\r\nx,1,true\r\n');
    expect(toCsv(table, [])).toBe('a,n,flag\r\n');
  });

  it('quotes exactly the cells that need it: quote, comma, any line break, leading or trailing white space', () => {
    const cells = ['say "hi"', 'a,b', 'one\ntwo', 'one\rtwo', ' lead', 'trail ', '\u00a0nbsp', 'plain; list', 'Città 温州'];
    const lines = toCsv(table, cells.map((a) => ({ a }))).split('\r\n').slice(1, -1);
    expect(lines).toEqual([
      '"say ""hi""",,',
      '"a,b",,',
      '"one\ntwo",,',
      '"one\rtwo",,',
      '" lead",,',
      '"trail ",,',
      '"\u00a0nbsp",,',
      'plain; list,,',
      'Città 温州,,',
    ]);
    expect((parse(toCsv(table, cells.map((a) => ({ a }))), { columns: true }) as Array<{ a: string }>).map((r) => r.a)).toEqual(cells);
  });

  it('casts explicitly: empty for missing, numbers without separators, booleans as true/false', () => {
    expect(toCsv(table, [{ a: undefined, n: 12_700_000_000, flag: false }]).split('\r\n')[1]).toBe(',12700000000,false');
    expect(toCsv(table, [{ n: -0.5 }]).split('\r\n')[1]).toBe(',-0.5,');
    expect(() => toCsv(table, [{ n: 'ten' }])).toThrow(/expected a number/);
    expect(() => toCsv(table, [{ n: Number.NaN }])).toThrow(/expected a number/);
  });
});
