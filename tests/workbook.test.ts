import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { collections } from '../schemas/index.js';
import type { Dataset } from '../scripts/build/dataset.js';
import { releaseInfo } from '../scripts/build/release-info.js';
import { tables, type Table } from '../scripts/build/tables.js';
import { buildWorkbook, workbookOrder, xmlSafe } from '../scripts/build/workbook.js';
import { PROJECT_ROOT } from './helpers/fixture.js';

const load = () => Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(PROJECT_ROOT, c.file), 'utf8'))])) as unknown as Dataset;
const release = releaseInfo(PROJECT_ROOT);
const read = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
};

let data: Dataset;
let bytes: Buffer;
let book: ExcelJS.Workbook;
beforeAll(async () => {
  data = load();
  bytes = await buildWorkbook(tables, data, release);
  book = await read(bytes);
});
afterEach(() => vi.useRealTimers());

describe('the workbook', () => {
  it('opens with a cover sheet saying what the dataset is, its version, licence and how to cite it', () => {
    const cover = book.worksheets[0]!;
    expect(cover.name).toBe('About');
    const text = cover.getSheetValues().flat().map((v) => (v && typeof v === 'object' ? (v as { text: string }).text : String(v ?? ''))).join('\n');
    expect(text).toContain(release.title);
    expect(text).toContain(`Version`);
    expect(text).toContain(release.version);
    expect(text).toContain('Creative Commons Attribution 4.0');
    expect(text).toContain('How to cite');
    expect(text).toContain(release.citation);
    for (const t of tables) expect(text).toContain(t.title);
  });

  it('has one sheet per table in workbook order, then the column dictionary', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['About', ...workbookOrder(tables).map((t) => t.name), 'Columns']);
  });

  it('puts overview tables first', () => {
    const fake = (name: string): Table => ({ ...tables[0]!, name });
    expect(workbookOrder([fake('sources'), fake('stations-overview'), fake('actors'), fake('figures-overview')]).map((t) => t.name)).toEqual(['stations-overview', 'figures-overview', 'sources', 'actors']);
  });

  it.each(tables.map((t) => t.name))('sheet %s: header frozen, autofilter, every row, widths within limits', (name) => {
    const t = tables.find((x) => x.name === name)!;
    const sheet = book.getWorksheet(name)!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...t.fields.map((f) => f.name)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.actualRowCount).toBe(t.rows(data).length + 1);
    for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(6), expect(column.width).toBeLessThanOrEqual(60);
  });

  it('stores ids and partial dates as text (never date serials), numbers as numbers, booleans as booleans, URLs as hyperlinks', () => {
    const check = (sheetName: string, column: string) => {
      const t = tables.find((x) => x.name === sheetName)!;
      const i = t.fields.findIndex((f) => f.name === column) + 1;
      return book.getWorksheet(sheetName)!.getColumn(i).values.slice(2).filter((v) => v !== null && v !== undefined);
    };
    const signed = check('agreement_signings', 'date');
    expect(signed).toContain('2016');
    expect(signed.every((v) => typeof v === 'string')).toBe(true);
    expect(check('events', 'date').every((v) => typeof v === 'string' && /^\d{4}(-\d\d){0,2}$/.test(v))).toBe(true);
    expect(check('stations', 'id').every((v) => typeof v === 'string')).toBe(true);
    expect(check('stations', 'latitude').every((v) => typeof v === 'number')).toBe(true);
    expect(check('figures', 'value').every((v) => typeof v === 'number')).toBe(true);
    expect(check('figures', 'preferred').every((v) => typeof v === 'boolean')).toBe(true);
    const urls = check('sources', 'url') as Array<{ text: string; hyperlink: string }>;
    expect(urls.length).toBe(data.sources.length);
    for (const u of urls) expect(u.hyperlink).toBe(u.text);
  });

  it('formats text columns as text, so that a typed-in date stays text too', () => {
    const sheet = book.getWorksheet('events')!;
    expect(sheet.getCell('B2').numFmt).toBe('@');
  });

  it('keeps formula-like text, year-only dates and control characters inert', async () => {
    const edited = load();
    const s = edited.statements[0]!;
    edited.statements = [{ ...s, text: "=HYPERLINK(\"https://evil.example\",\"x\")", context: '2022\u0007bell' }];
    const events = edited.events[0]!;
    edited.events = [{ ...events, date: '2022' }];
    const sheetOf = async (name: string) => (await read(await buildWorkbook(tables, edited, release))).getWorksheet(name)!;
    const statements = await sheetOf('statements');
    const header = statements.getRow(1).values as string[];
    const text = statements.getRow(2).getCell(header.indexOf('text'));
    expect(text.type).toBe(ExcelJS.ValueType.String);
    expect(text.value).toBe('=HYPERLINK("https://evil.example","x")');
    expect(statements.getRow(2).getCell(header.indexOf('context')).value).toBe('2022\uFFFDbell');
    const date = (await sheetOf('events')).getCell('B2');
    expect(date.type).toBe(ExcelJS.ValueType.String);
    expect(date.value).toBe('2022');
  });

  it('replaces the characters XML cannot carry', () => {
    expect(xmlSafe('a\u0000b\u000Bc\uD800d\tok\n')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tok\n');
    expect(xmlSafe('😀')).toBe('😀');
  });

  it('is byte-identical across rebuilds, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T13:37:42Z'));
    const later = await buildWorkbook(tables, data, release);
    expect(later.equals(bytes)).toBe(true);
    const zip = await JSZip.loadAsync(later);
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString().slice(0, 10)).toBe(release.released);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`${release.released}T00:00:00Z`);
    expect(core).not.toContain('2031');
  });
});
