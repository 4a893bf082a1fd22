/**
 * `overseas-police-stations.xlsx`: the CSV tables as one Excel workbook, built
 * with exceljs's streaming writer (rows are written and released one by one).
 *
 * A cover sheet says what the dataset is, its version, licence and how to cite
 * it; then one sheet per table, overviews first, in the order of `tables`; then
 * a sheet describing every column. Each table sheet has its header row frozen,
 * an autofilter, column widths fitted to the content (within limits), http(s)
 * URLs as hyperlinks, text columns formatted as text (`@`) so that ids and
 * partial dates such as `2022` or `2022-12` stay text and are never turned into
 * date serials, numbers as numbers and booleans as booleans.
 *
 * Deterministic: the document properties carry the release date, and the zip
 * entries are rewritten with that date (exceljs stamps them with the time of
 * the build).
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
// A static import (not require at run time), so that esbuild can bundle the writer into the worker.
import StreamingWorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import JSZip from 'jszip';
import type { Dataset } from './dataset.js';
import type { ReleaseInfo } from './release-info.js';
import { workbookOrder } from './table-order.js';
import type { Cell, Field, Row, Table } from './tables.js';

/*
 * Only exceljs's streaming writer is loaded (a third of the files of the whole
 * library, which also holds readers for xlsx and CSV): its load time is most
 * of the workbook's cost on the real data.
 */
const WorkbookWriter = StreamingWorkbookWriter as unknown as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** Excel's limits: characters in a cell, hyperlinks per sheet, URL length. */
const MAX_CELL_TEXT = 32_767;
const MAX_HYPERLINKS = 65_530;
const MAX_URL = 2_079;
/** Rows per sheet below the header (Excel's limit is 1,048,576 rows in all); a longer table is cut, and the cover sheet says so. */
export const MAX_ROWS = 1_048_575;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

const HEADER_FONT = { bold: true };
const LINK_FONT = { color: { argb: 'FF0563C1' }, underline: true } as const;
const TEXT_FORMAT = '@';

export { isOverview, workbookOrder } from './table-order.js';
/** Below this many rows in all, the rows counted for the cover sheet are kept for the sheets instead of being built again. */
const KEEP_ROWS = 200_000;

/** Characters XML 1.0 cannot hold (control characters, unpaired surrogates, U+FFFE/FFFF) become U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (text: string) => text.replace(NOT_XML, '\uFFFD');

const isUrlField = (f: Field) => f.format === 'uri' || f.name === 'url' || f.name.endsWith('_url') || f.name === 'page';
const isLink = (text: string) => /^https?:\/\/[^\s]+$/i.test(text) && text.length <= MAX_URL;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetNamer() {
  const used = new Set<string>();
  return (wanted: string) => {
    const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}

type Value = string | number | boolean | null | { text: string; hyperlink: string };

function cellValue(value: Cell, field: Field, links: { count: number }): Value {
  if (value === undefined || value === null || value === '') return null;
  if (field.type === 'integer' || field.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : xmlSafe(String(value));
  if (field.type === 'boolean') return Boolean(value);
  const text = xmlSafe(String(value)).slice(0, MAX_CELL_TEXT);
  if (isUrlField(field) && isLink(text) && links.count < MAX_HYPERLINKS) {
    links.count++;
    return { text, hyperlink: text };
  }
  return text;
}

/** Width in characters: the longest line among header and cells, within limits. */
function widths(fields: readonly Field[], rows: ReadonlyArray<Record<string, Cell>>): number[] {
  return fields.map((f) => {
    let longest = f.name.length + 2; // room for the filter button
    for (const row of rows) {
      const v = row[f.name];
      if (v === undefined || v === null) continue;
      const n = typeof v === 'string' ? v.length : String(v).length;
      if (n > longest) longest = n;
      if (longest >= MAX_WIDTH) break;
    }
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, longest + 1));
  });
}

export interface WorkbookStats {
  sheets: string[];
  rows: Map<string, number>;
}

export async function buildWorkbook(tables: readonly Table[], data: Dataset, release: ReleaseInfo, stats?: WorkbookStats): Promise<Buffer> {
  const released = new Date(`${release.released}T00:00:00Z`);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  book.creator = release.authors.join(', ') || release.name;
  book.lastModifiedBy = book.creator;
  book.created = released;
  book.modified = released;
  book.title = release.title;
  book.subject = release.description;
  book.company = '';
  book.manager = '';
  book.keywords = `${release.name} ${release.version}`;
  book.description = `${release.title}, version ${release.version} (${release.released}). Licence: ${release.licence.title}.`;

  const ordered = workbookOrder(tables);
  const name = sheetNamer();
  const names = new Map<Table, string>();
  const cover = name('About');
  for (const t of ordered) names.set(t, name(t.name));
  const dictionary = name('Columns');

  // Row counts are needed on the cover sheet, which comes first: count first, write the tables after.
  const kept = new Map<Table, Row[]>();
  let total = 0;
  const counts = new Map<Table, number>();
  for (const t of ordered) {
    const rows = t.rows(data);
    counts.set(t, rows.length);
    total += rows.length;
    if (total <= KEEP_ROWS) kept.set(t, rows);
  }
  if (total > KEEP_ROWS) kept.clear();
  writeCover(book.addWorksheet(cover, { views: [{ showGridLines: false }] }), release, ordered.map((t) => ({ t, sheet: names.get(t)!, rows: counts.get(t)! })));

  for (const t of ordered) {
    const rows = kept.get(t) ?? t.rows(data);
    kept.delete(t);
    const sheet = book.addWorksheet(names.get(t)!, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    const w = widths(t.fields, rows);
    const styles = t.fields.map((f) => (isUrlField(f) ? { numFmt: TEXT_FORMAT, font: LINK_FONT } : f.type === 'string' ? { numFmt: TEXT_FORMAT } : undefined));
    sheet.columns = t.fields.map((f, i) => ({ header: f.name, key: f.name, width: w[i]!, ...(styles[i] ? { style: styles[i] } : {}) }));
    sheet.getRow(1).font = HEADER_FONT;
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, Math.min(rows.length, MAX_ROWS) + 1), column: t.fields.length } };
    sheet.getRow(1).commit();
    const links = { count: 0 };
    const shown = Math.min(rows.length, MAX_ROWS);
    for (let i = 0; i < shown; i++) {
      const r = rows[i]!;
      const row = sheet.addRow(t.fields.map((f) => cellValue(r[f.name], f, links)));
      // exceljs gives every cell its own copy of the column's style and looks each copy up again when writing;
      // one shared object per column is looked up once (same styles, same bytes).
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const style = styles[column - 1];
        if (style) cell.style = style;
      });
      row.commit();
    }
    sheet.commit();
    stats?.rows.set(t.name, rows.length);
  }

  writeDictionary(book.addWorksheet(dictionary, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] }), ordered, names);
  await book.commit();
  if (stats) stats.sheets = [cover, ...ordered.map((t) => names.get(t)!), dictionary];
  return fixZipDates(Buffer.concat(chunks), released);
}

type Sheet = ExcelJS.Worksheet;

function writeCover(sheet: Sheet, release: ReleaseInfo, contents: Array<{ t: Table; sheet: string; rows: number }>) {
  sheet.columns = [{ width: 24 }, { width: 36 }, { width: 90 }, { width: 10 }];
  const add = (values: Value[], font?: object) => {
    const row = sheet.addRow(values);
    if (font) row.font = font;
    row.eachCell((cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      if (cell.value !== null && typeof cell.value === 'object') cell.font = LINK_FONT;
    });
    row.commit();
  };
  const link = (url: string | undefined): Value => (url && isLink(url) ? { text: url, hyperlink: url } : url ?? null);
  add([xmlSafe(release.title)], { bold: true, size: 14 });
  add([]);
  add(['What it is', xmlSafe(release.description)]);
  add(['Version', release.version]);
  add(['Released', release.released]);
  add(['Licence', release.licence.title]);
  add(['', link(release.licence.url)]);
  add(['How to cite', xmlSafe(release.citation)]);
  if (release.homepage) add(['Website', link(release.homepage)]);
  if (release.repository) add(['Repository', link(release.repository)]);
  add(['Reading the sheets', 'Ids and dates are text: a date is YYYY, YYYY-MM or YYYY-MM-DD as precise as the source. Several values in one cell are separated by "; ". Every sheet is also a CSV file in the release (csv/<sheet>.csv); the sheet "Columns" describes every column.']);
  add([]);
  add(['Sheet', 'Title', 'What it holds', 'Rows'], HEADER_FONT);
  for (const c of contents) {
    const cut = c.rows > MAX_ROWS ? ` Only the first ${MAX_ROWS.toLocaleString('en')} of ${c.rows.toLocaleString('en')} rows fit in a sheet: the CSV file and the database hold them all.` : '';
    add([c.sheet, xmlSafe(c.t.title), xmlSafe(c.t.description) + cut, c.rows]);
  }
  sheet.commit();
}

function writeDictionary(sheet: Sheet, tables: readonly Table[], names: Map<Table, string>) {
  sheet.columns = [
    { header: 'sheet', width: 24 },
    { header: 'column', width: 24 },
    { header: 'type', width: 9 },
    { header: 'required', width: 9 },
    { header: 'references', width: 14 },
    { header: 'description', width: 100 },
  ];
  sheet.getRow(1).font = HEADER_FONT;
  sheet.getRow(1).commit();
  let rows = 0;
  for (const t of tables) {
    for (const f of t.fields) {
      sheet.addRow([names.get(t)!, f.name, f.type, Boolean(f.required), f.references ?? null, xmlSafe(f.description)]).commit();
      rows++;
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: 6 } };
  sheet.commit();
}

/** Rewrites the zip with every entry dated `date`; JSZip reuses the compressed data as it is. */
async function fixZipDates(bytes: Buffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) {
    entry.date = date;
    entry.unixPermissions = null;
    entry.dosPermissions = null;
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}
