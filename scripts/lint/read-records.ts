/**
 * Reading a data file record by record, for the streamed build: the records
 * are parsed one at a time from the file's bytes, so that neither the whole
 * file as text (UTF-16 in memory: twice its size for text beyond Latin-1) nor
 * a second copy of it is ever held beside the parsed records.
 *
 * This is only the fast path for a file that has nothing to say: the moment
 * anything could be a file problem (a link, unreadable, not UTF-8, a byte order
 * mark, not an array of objects, too deep, a syntax error, a duplicate key, an
 * unsafe number, a forbidden key, records out of order), the whole file is read
 * again by readDataFile, which says what is wrong exactly as it always has. So
 * the problems are the same by construction; this file only decides, and errs
 * on the side of handing over.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DEPTH, scanText } from './json-text.js';
import { readDataFile, recordId, symlinkIn, type ReadResult } from './read-file.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a parsed value holds a key that readDataFile refuses (it then says where). */
function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object' && hasForbiddenKey(item)) return true;
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const child = (value as Record<string, unknown>)[key];
      if (child && typeof child === 'object' && hasForbiddenKey(child)) return true;
    }
  }
  return false;
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Where each element of the top-level array starts and ends in `bytes`, when
 * the file is a JSON array of objects laid out plainly (white space, `[`,
 * objects separated by commas, `]`, white space); undefined for anything else.
 * Structural bytes are ASCII and never part of a multi-byte UTF-8 sequence, so
 * the bytes can be scanned as they are. What is inside each object is left to
 * the parser.
 */
export function recordRanges(bytes: Uint8Array): Array<[number, number]> | undefined {
  const n = bytes.length;
  const skip = (i: number) => {
    while (i < n && isSpace(bytes[i]!)) i++;
    return i;
  };
  let i = skip(0);
  if (bytes[i] !== 0x5b) return undefined;
  i = skip(i + 1);
  const ranges: Array<[number, number]> = [];
  if (bytes[i] === 0x5d) return skip(i + 1) === n ? ranges : undefined;
  for (;;) {
    if (bytes[i] !== 0x7b) return undefined;
    const start = i;
    let depth = 0;
    for (; i < n; i++) {
      const b = bytes[i]!;
      if (b === 0x22) {
        for (i++; i < n; i++) {
          const d = bytes[i]!;
          if (d === 0x5c) i++;
          else if (d === 0x22) break;
        }
      } else if (b === 0x7b || b === 0x5b) depth++;
      else if (b === 0x7d || b === 0x5d) {
        depth--;
        if (depth === 0) break;
      }
    }
    if (i >= n) return undefined;
    ranges.push([start, ++i]);
    i = skip(i);
    if (bytes[i] === 0x2c) {
      i = skip(i + 1);
      continue;
    }
    if (bytes[i] === 0x5d) return skip(i + 1) === n ? ranges : undefined;
    return undefined;
  }
}

/**
 * The records of a data file, parsed one at a time from its bytes when the
 * file has no file problem; otherwise what readDataFile returns (the whole
 * file read again, with its problems). The fast path returns no text: a
 * problem found later is located by reading the file again.
 */
export interface RecordsRead extends ReadResult {
  /**
   * On the fast path: the records from `start` to `end` (excluded) parsed again
   * from the bytes, the same values as the first time. The streamed build drops
   * the parsed records once the rules have run and parses each piece again for
   * Zod: the bytes are held outside the JavaScript heap, which then stays small
   * while the outputs make their garbage.
   */
  again?: (start: number, end: number) => unknown[];
}

export function readRecords(root: string, file: string): RecordsRead {
  const whole = () => readDataFile(join(root, file), file);
  if (symlinkIn(root, file) !== undefined) return whole();
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, file));
  } catch {
    return whole();
  }
  // A byte order mark is a warning, said by readDataFile.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return whole();
  if (!isUtf8(bytes)) return whole();
  const ranges = recordRanges(bytes);
  if (!ranges) return whole();
  const records = new Array<unknown>(ranges.length);
  let previous: string | undefined;
  for (let r = 0; r < ranges.length; r++) {
    const text = bytes.toString('utf8', ranges[r]![0], ranges[r]![1]);
    // Inside the file's array, a record nests one level less deep than the file.
    const scan = scanText(text, MAX_DEPTH - 1);
    if (scan.tooDeep || scan.duplicates.length || scan.unsafeNumbers.length) return whole();
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return whole();
    }
    if (hasForbiddenKey(record)) return whole();
    const id = recordId(record);
    if (id !== undefined) {
      if (previous !== undefined && id < previous) return whole();
      previous = id;
    }
    records[r] = record;
  }
  const again = (start: number, end: number) => {
    const out = new Array<unknown>(end - start);
    for (let r = start; r < end; r++) out[r - start] = JSON.parse(bytes.toString('utf8', ranges[r]![0], ranges[r]![1]));
    return out;
  };
  return { problems: [], records, again };
}
