/** The CSV writer's documented rules, cell by cell (the round trip is in properties.test.ts). */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { castCell, countCsvRecords, CSV_BATCH_ROWS, neutralise, toCsv, writeCsv } from '../scripts/build/csv.js';
import type { Table } from '../scripts/build/tables.js';

const table: Table = {
  name: 't', title: 't', description: 't', collection: 'sources', primaryKey: ['a'], rows: () => [],
  fields: [
    { name: 'a', type: 'string', description: 'text' },
    { name: 'n', type: 'number', description: 'number' },
    { name: 'flag', type: 'boolean', description: 'boolean' },
  ],
};

describe('writeCsv', () => {
  it('writes the header, then pieces of CSV_BATCH_ROWS rows: the same bytes as one csv-stringify call over every row', () => {
    const rows = Array.from({ length: CSV_BATCH_ROWS * 2 + 7 }, (_, i) => ({ a: i % 3 ? `row ${i}, "quoted"` : ` ${i}`, n: i / 7, flag: i % 2 === 0 }));
    const pieces: string[] = [];
    writeCsv(table, rows, (text) => pieces.push(text));
    expect(pieces).toHaveLength(4); // the header, then three pieces of rows
    const whole = stringify(rows.map((r) => [r.a, String(r.n), r.flag ? 'true' : 'false']), {
      header: true, columns: ['a', 'n', 'flag'], record_delimiter: '\r\n', quoted_match: /[\r\n]|^\s|\s$/,
    });
    expect(pieces.join('')).toBe(whole);
  });
});

describe('the csv-stringify options', () => {
  it('write the same bytes as csv-stringify looking for line breaks itself (quote_record_delimiter left on)', () => {
    const cells = ['a\r\nb', 'a\rb', 'a\nb', 'end\r', 'end\n', '\r\nstart', 'x"\r\n"y', 'plain', '', ' ', 'a,b\r'];
    const rows = cells.map((a, i) => ({ a, n: i, flag: i % 2 === 0 }));
    const reference = stringify(rows.map((r) => [castCell(r.a, 'string'), String(r.n), r.flag ? 'true' : 'false']), {
      header: true, columns: ['a', 'n', 'flag'], record_delimiter: '\r\n', quoted_match: /[\r\n]|^\s|\s$/,
    });
    expect(toCsv(table, rows)).toBe(reference);
  });
});

describe('neutralise', () => {
  it('prefixes exactly the texts the documented rule names, whatever their first character', () => {
    for (let code = 0; code < 0x3000; code++) {
      for (const text of [String.fromCharCode(code), `${String.fromCharCode(code)}x`, `'${String.fromCharCode(code)}`, `''${String.fromCharCode(code)}y`]) {
        expect(neutralise(text)).toBe(/^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }
    }
    expect(neutralise('')).toBe('');
  });
});

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

describe('countCsvRecords', () => {
  // The plain definition it must agree with: line feeds outside quotes, one character at a time.
  const byCharacter = (text: string) => {
    let records = 0;
    let quoted = false;
    for (const c of text) {
      if (c === '"') quoted = !quoted;
      else if (c === '\n' && !quoted) records++;
    }
    return records;
  };

  it('counts line ends outside quoted cells only', () => {
    expect(countCsvRecords('a,b\r\n1,2\r\n')).toBe(2);
    expect(countCsvRecords('a\r\n"x\r\ny",2\r\n')).toBe(2);
    expect(countCsvRecords('a\r\n"say ""hi""\nthere"\r\n"\n"\r\n')).toBe(3);
    expect(countCsvRecords('')).toBe(0);
    expect(countCsvRecords('"unclosed\n')).toBe(0);
  });

  it('agrees with a character-by-character count on what csv-stringify writes', () => {
    const cells = ['', 'plain', 'a,b', 'say "hi"', 'two\nlines', '\r\n', '""', '"\n"', ' x', 'é'];
    for (let seed = 1; seed <= 300; seed++) {
      let x = seed;
      const pick = () => cells[(x = (x * 1103515245 + 12345) % 2147483648) % cells.length]!;
      const rows = Array.from({ length: 1 + (seed % 7) }, () => ({ a: pick(), n: seed, flag: x % 2 === 0 }));
      const text = toCsv(table, rows);
      expect(countCsvRecords(text)).toBe(byCharacter(text));
      expect(countCsvRecords(text)).toBe(rows.length + 1);
    }
  });
});
