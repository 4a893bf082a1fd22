/**
 * Writes a table as CSV: UTF-8 without BOM, RFC 4180 quoting, CRLF line ends,
 * explicit casts, and text cells that a spreadsheet would run as formulas
 * neutralised by a leading apostrophe.
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
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

export function unneutralise(cell: string): string {
  return PREFIXED.test(cell) ? cell.slice(1) : cell;
}

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

export function toCsv(table: Table, rows: readonly Row[]): string {
  const header = table.fields.map((f) => f.name);
  const body = rows.map((row) => table.fields.map((f) => castCell(row[f.name], f.type)));
  return stringify([header, ...body], { record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}
