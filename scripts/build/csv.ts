/**
 * Writes a table as CSV with csv-stringify: UTF-8 without BOM, RFC 4180
 * quoting, CRLF line ends, explicit casts, and text cells that a spreadsheet
 * would run as formulas neutralised by a leading apostrophe.
 *
 * The neutralising rule (documented in the README and reversed by `unneutralise`):
 * a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return,
 * possibly after apostrophes, gets one apostrophe in front. To recover the
 * original, remove one leading apostrophe from any cell that matches
 * /^'+[=+\-@\t\r]/. Numbers are never neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import type { Cell, Row, Table } from './tables.js';

const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

export function neutralise(text: string): string {
  // Most cells start with none of the characters that matter: they skip the regular expression.
  const c = text.charCodeAt(0);
  if (c !== 0x27 && c !== 0x3d && c !== 0x2b && c !== 0x2d && c !== 0x40 && c !== 0x09 && c !== 0x0d) return text;
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

export function unneutralise(cell: string): string {
  return PREFIXED.test(cell) ? cell.slice(1) : cell;
}

/** The text of one cell: empty for missing, `true`/`false`, numbers as JavaScript prints them, text neutralised. */
export function castCell(value: Cell, type: Table['fields'][number]['type']): string {
  if (value === undefined || value === null) return '';
  switch (type) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`expected a number, got ${JSON.stringify(value)}`);
      return String(value);
    default:
      return neutralise(String(value));
  }
}

/**
 * RFC 4180 quoting as csv-stringify applies it (a cell holding a quote, the
 * delimiter or the record delimiter), widened to any line break and to cells
 * that start or end with white space, which some readers would trim.
 */
const ALSO_QUOTE = /[\r\n]|^\s|\s$/;

/** The options every call to csv-stringify gets (exported for the benchmark, which times csv-stringify alone). */
export const stringifyOptions = (table: Table, header: boolean) => ({
  header,
  columns: table.fields.map((f) => f.name),
  delimiter: ',',
  quote: '"',
  escape: '"',
  record_delimiter: '\r\n',
  quoted_match: ALSO_QUOTE,
  // ALSO_QUOTE already quotes every cell holding a line break, so csv-stringify need not look for "\n" and "\r" again.
  quote_record_delimiter: false,
  bom: false,
});

/** How many rows go to csv-stringify at a time when a table is written in pieces. */
export const CSV_BATCH_ROWS = 10_000;

/** The header line of a table's CSV. */
export function csvHeader(table: Table): string {
  return stringify([], stringifyOptions(table, true));
}

/**
 * Writes rows in pieces of CSV_BATCH_ROWS (each cast, passed through
 * csv-stringify and handed to `write` as soon as it is made), after the header
 * unless `header` is false (a later part of the same table): the same bytes as
 * one call over every row, without the whole text in memory.
 */
export function writeCsv(table: Table, rows: readonly Row[], write: (text: string) => void, header = true): void {
  const fields = table.fields;
  if (header) write(csvHeader(table));
  for (let start = 0; start < rows.length; start += CSV_BATCH_ROWS) {
    const end = Math.min(rows.length, start + CSV_BATCH_ROWS);
    const records = new Array<string[]>(end - start);
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const cells = new Array<string>(fields.length);
      for (let j = 0; j < fields.length; j++) cells[j] = castCell(row[fields[j]!.name], fields[j]!.type);
      records[i - start] = cells;
    }
    write(stringify(records, stringifyOptions(table, false)));
  }
}

/** A whole table as one CSV text. */
export function toCsv(table: Table, rows: readonly Row[]): string {
  const parts: string[] = [];
  writeCsv(table, rows, (text) => parts.push(text));
  return parts.join('');
}

/**
 * Records in a CSV text (header included): line feeds outside quoted cells.
 * It jumps from quote to quote and from line feed to line feed (indexOf)
 * rather than looking at every character.
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let at = 0;
  let quote = text.indexOf('"');
  for (;;) {
    const feed = text.indexOf('\n', at);
    if (feed === -1) return records;
    if (quote === -1 || feed < quote) {
      records++;
      at = feed + 1;
      continue;
    }
    // A quoted cell: its line feeds do not count; it ends at the next quote (a doubled quote closes and reopens it).
    const close = text.indexOf('"', quote + 1);
    if (close === -1) return records;
    at = close + 1;
    quote = text.indexOf('"', at);
  }
}
