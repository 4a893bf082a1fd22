/**
 * File-scope checks: a data file must be a regular file (no symbolic link),
 * readable, valid UTF-8, valid JSON nested at most MAX_DEPTH levels, without
 * duplicate keys or numbers beyond 2^53, an array of objects, free of
 * prototype-polluting keys, and sorted by id.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems.js';
import { pointer } from './problems.js';
import { findSyntaxError, LineIndex, MAX_DEPTH, scanText } from './json-text.js';

export interface ReadResult {
  problems: Problem[];
  /** The parsed records, or undefined when the file could not be read as an array. */
  records: unknown[] | undefined;
  /** The parsed value, whatever its shape (for files that are not record arrays); undefined when unreadable. */
  value?: unknown;
  /** The text that was parsed (without a BOM), to locate problems in; undefined when it could not be read. */
  text?: string;
  /** Where each element of the top-level array starts in `text`. */
  starts?: number[];
}

/** The first symbolic link among `file`'s path below `root` (data/, data/ids/, the file itself), if any. */
export function symlinkIn(root: string, file: string): string | undefined {
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    try {
      if (lstatSync(join(root, rel)).isSymbolicLink()) return rel;
    } catch {
      return undefined; // missing: reported as unreadable
    }
  }
  return undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).at(offset);
}

/** Reads and parses a data file. With `{ array: false }` the file may hold any JSON value (no record checks). */
export function readDataFile(absolutePath: string, file: string, options: { array?: boolean } = {}): ReadResult {
  const problems: Problem[] = [];
  const fail = (check: string, message: string, tip: string, extra: Partial<Problem> = {}): ReadResult => {
    problems.push({ level: 'error', scope: 'file', check, file, path: '', message, tip, ...extra });
    return { problems, records: undefined };
  };

  const root = absolutePath.endsWith(file) ? absolutePath.slice(0, absolutePath.length - file.length) : undefined;
  const link = root === undefined ? undefined : symlinkIn(root, file);
  if (link !== undefined) {
    return fail('symlink', `${link} is a symbolic link; it is not followed`, 'Data files and folders must be regular files in the repository: replace the link by the file itself.');
  }

  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return fail('readable', `cannot read the file (${code})`, 'Every collection needs its file in data/, holding a JSON array (use [] for none).');
  }

  // The native decoder checks well-formedness fast; the byte scan runs only to say where it failed.
  let badByte: number | undefined;
  let decoded = '';
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    badByte = firstInvalidUtf8Byte(bytes) ?? 0;
  }
  if (badByte !== undefined) {
    return fail('utf-8', `the file is not valid UTF-8 (first bad byte at offset ${badByte})`, 'Save the file as UTF-8 in your editor.', { expected: 'UTF-8 text' });
  }
  let text = decoded;

  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({
      level: 'warning', scope: 'file', check: 'bom', file, path: '',
      message: 'the file starts with a UTF-8 byte order mark; it is accepted and ignored',
      tip: 'Save the file as UTF-8 without BOM.',
    });
    text = text.slice(1);
  }

  if (text.trim() === '') {
    return fail('json-syntax', 'the file is empty', 'A collection with no records is written as [].', { expected: 'a JSON array' });
  }

  let index: LineIndex | undefined;
  const lines = { at: (offset: number) => (index ??= new LineIndex(text)).at(offset) };
  const scan = scanText(text);
  if (scan.tooDeep) {
    return fail('depth', `the data is nested too deeply: ${scan.tooDeep.reason}`, `No record needs more than a few levels; at most ${MAX_DEPTH} are accepted. Look for brackets that are never closed.`, lines.at(scan.tooDeep.offset));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const syntax = findSyntaxError(text);
    const where = syntax ? lines.at(syntax.offset) : {};
    const reason = syntax?.reason ?? (error as Error).message;
    return fail('json-syntax', `invalid JSON: ${reason}`, 'Look for a missing or trailing comma, an unclosed bracket or an unescaped quote at or just before this point.', where);
  }
  const idAt = (path: ReadonlyArray<string | number>) => (options.array === false || !Array.isArray(parsed) ? undefined : recordId(parsed[path[0] as number]));
  for (const d of scan.duplicates) {
    const first = lines.at(d.firstOffset);
    const second = lines.at(d.offset);
    problems.push({
      level: 'error', scope: 'file', check: 'duplicate-key', file, id: idAt(d.path), path: pointer(d.path), ...second,
      message: `the key "${d.key}" appears twice in one object, at line ${first.line} and at line ${second.line}`,
      tip: 'Only one of the two values would be used (the last); keep one key and merge what belongs together.',
    });
  }
  for (const n of scan.unsafeNumbers) {
    problems.push({
      level: 'error', scope: 'file', check: 'unsafe-number', file, id: idAt(n.path), path: pointer(n.path), ...lines.at(n.offset),
      message: `the number ${n.text} is beyond 2^53 and would be read as ${JSON.stringify(Number(n.text))}`,
      expected: `a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
      tip: 'JavaScript cannot hold it exactly; store a large identifier or count as a string, or check the value.',
    });
  }

  if (options.array === false) {
    findForbiddenKeys(parsed, [], problems, file, undefined);
    return { problems, records: undefined, value: parsed, text, starts: scan.starts };
  }

  if (!Array.isArray(parsed)) {
    const got = parsed === null ? 'null' : typeof parsed;
    fail('array', `the file holds ${got === 'object' ? 'an object' : got}, not an array of records`, 'Wrap the records in [ … ]: each data file is a JSON array of records.', { expected: 'a JSON array of records' });
    return { problems, records: undefined, text, starts: scan.starts };
  }

  parsed.forEach((record, index) => findForbiddenKeys(record, [index], problems, file, recordId(record)));

  let previous: string | undefined;
  parsed.forEach((record, index) => {
    const id = recordId(record);
    if (id === undefined) return;
    if (previous !== undefined && id < previous) {
      problems.push({
        level: 'error', scope: 'file', check: 'sorted', file, id, path: pointer([index]),
        message: `records are not sorted by id: "${id}" comes after "${previous}"`,
        tip: 'Run `npm run fix` to sort every data file by id.',
      });
    }
    previous = id;
  });

  return { problems, records: parsed, text, starts: scan.starts };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong three- and four-byte forms, surrogates, and code points above U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return undefined;
}

export function recordId(record: unknown): string | undefined {
  if (record && typeof record === 'object' && !Array.isArray(record)) {
    const id = (record as Record<string, unknown>).id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** Reports keys that could alter prototypes. The path is kept on a shared stack and copied only when reporting. */
function findForbiddenKeys(value: unknown, path: Array<string | number>, problems: Problem[], file: string, id: string | undefined): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item && typeof item === 'object') {
        path.push(i);
        findForbiddenKeys(item, path, problems, file, id);
        path.pop();
      }
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          level: 'error', scope: 'file', check: 'forbidden-key', file, id, path: pointer(path),
          message: `the key "${key}" is not allowed in data`,
          tip: 'Keys named __proto__, constructor or prototype can alter objects in programs that read the data; remove it.',
        });
      }
      const child = (value as Record<string, unknown>)[key];
      if (child && typeof child === 'object') findForbiddenKeys(child, path, problems, file, id);
      path.pop();
    }
  }
}
