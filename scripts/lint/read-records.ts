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
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
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
   * On the fast path: the records from `start` to `end` (excluded) read and
   * parsed again from the file, the same values as the first time, or
   * undefined when the file's bytes are not the ones first read (it was changed
   * or removed meanwhile). The streamed build drops the parsed records once the
   * rules have run and parses each piece again for Zod, so that neither the
   * records nor the file's bytes are held while the outputs make their garbage.
   */
  again?: (start: number, end: number) => unknown[] | undefined;
}

/** Records per block whose bytes are hashed when first read, so that a piece read again is known to be the same bytes. */
export const HASHED_BLOCK = 1000;

const digest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

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
  // Where each block of HASHED_BLOCK records starts and ends in the file, and the hash of its bytes.
  const blockStart = (b: number) => ranges[b * HASHED_BLOCK]![0];
  const blockEnd = (b: number) => ranges[Math.min(ranges.length, (b + 1) * HASHED_BLOCK) - 1]![1];
  const hashes: string[] = [];
  for (let b = 0; b * HASHED_BLOCK < ranges.length; b++) hashes.push(digest(bytes.subarray(blockStart(b), blockEnd(b))));
  const path = join(root, file);
  const again = (start: number, end: number): unknown[] | undefined => {
    if (end <= start) return [];
    const first = Math.floor(start / HASHED_BLOCK);
    const last = Math.floor((end - 1) / HASHED_BLOCK);
    const from = blockStart(first);
    const piece = Buffer.allocUnsafe(blockEnd(last) - from);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      for (let at = 0; at < piece.length; ) {
        const n = readSync(fd, piece, at, piece.length - at, from + at);
        if (n === 0) return undefined;
        at += n;
      }
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    for (let b = first; b <= last; b++) if (digest(piece.subarray(blockStart(b) - from, blockEnd(b) - from)) !== hashes[b]) return undefined;
    const out = new Array<unknown>(end - start);
    for (let r = start; r < end; r++) out[r - start] = JSON.parse(piece.toString('utf8', ranges[r]![0] - from, ranges[r]![1] - from));
    return out;
  };
  return { problems: [], records, again };
}
