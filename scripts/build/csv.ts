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

/** RFC 4180: a cell is quoted when it holds a quote, comma or line break, or starts or ends with white space. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
export function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(table: Table, rows: readonly Row[]): string {
  const fields = table.fields;
  const lines = new Array<string>(rows.length + 1);
  lines[0] = fields.map((f) => quoteCell(f.name)).join(',');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let line = '';
    for (let j = 0; j < fields.length; j++) {
      if (j) line += ',';
      line += quoteCell(castCell(row[fields[j]!.name], fields[j]!.type));
    }
    lines[i + 1] = line;
  }
  return lines.join('\r\n') + '\r\n';
}

/** Records in a CSV text (header included): line ends outside quoted cells. */
export function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) records++;
  }
  return records;
}
