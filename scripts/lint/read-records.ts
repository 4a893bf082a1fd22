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
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
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

const enum At {
  BeforeArray,
  FirstElement,
  InRecord,
  AfterRecord,
  AfterComma,
  AfterArray,
  Bad,
}

/**
 * Finds where each element of the top-level array starts and ends, fed the
 * file's bytes a chunk at a time, when the file is a JSON array of objects laid
 * out plainly (white space, `[`, objects separated by commas, `]`, white
 * space); anything else makes it `bad`. Structural bytes are ASCII and never
 * part of a multi-byte UTF-8 sequence, so the bytes can be scanned as they are.
 * What is inside each object is left to the parser.
 */
export class RecordScanner {
  private at = At.BeforeArray;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The file offset where the record being scanned starts (-1 between records). */
  start = -1;

  get bad(): boolean {
    return this.at === At.Bad;
  }

  /** Whether the whole file has been seen: the array closed, white space after it at most. */
  get done(): boolean {
    return this.at === At.AfterArray;
  }

  /** Scans `bytes` (whose first byte is at file offset `base`) from index `from`, calling `record(start, end)` with file offsets. */
  scan(bytes: Uint8Array, base: number, from: number, record: (start: number, end: number) => void): void {
    const n = bytes.length;
    for (let i = from; i < n; i++) {
      let b = bytes[i]!;
      if (this.at === At.InRecord) {
        // The hot loop: inside a record, only strings and brackets matter.
        for (; i < n; i++) {
          b = bytes[i]!;
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (b === 0x5c) this.escaped = true;
            else if (b === 0x22) this.inString = false;
          } else if (b === 0x22) this.inString = true;
          else if (b === 0x7b || b === 0x5b) this.depth++;
          else if (b === 0x7d || b === 0x5d) {
            if (--this.depth === 0) break;
          }
        }
        if (i === n) return;
        record(this.start, base + i + 1);
        this.start = -1;
        this.at = At.AfterRecord;
        continue;
      }
      if (isSpace(b)) continue;
      switch (this.at) {
        case At.BeforeArray:
          this.at = b === 0x5b ? At.FirstElement : At.Bad;
          break;
        case At.FirstElement:
        case At.AfterComma:
          if (b === 0x7b) {
            this.at = At.InRecord;
            this.depth = 1;
            this.start = base + i;
          } else this.at = b === 0x5d && this.at === At.FirstElement ? At.AfterArray : At.Bad;
          break;
        case At.AfterRecord:
          this.at = b === 0x2c ? At.AfterComma : b === 0x5d ? At.AfterArray : At.Bad;
          break;
        default:
          this.at = At.Bad;
      }
      if (this.at === At.Bad) return;
    }
  }
}

/** Where each record starts and ends in `bytes` (see RecordScanner); undefined for a file that is not laid out plainly. */
export function recordRanges(bytes: Uint8Array): Array<[number, number]> | undefined {
  const scanner = new RecordScanner();
  const ranges: Array<[number, number]> = [];
  scanner.scan(bytes, 0, 0, (start, end) => ranges.push([start, end]));
  return scanner.done ? ranges : undefined;
}

/** How many bytes of a data file are read at a time. */
export const READ_CHUNK = 1 << 23;

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
  /**
   * Set on the fast path when `onRecord` was given: the records were handed to
   * it one at a time and not kept (`records` is then undefined); how many.
   */
  streamed?: { count: number };
}

/** Records per block whose bytes are hashed when first read, so that a piece read again is known to be the same bytes. */
export const HASHED_BLOCK = 1000;

/**
 * Reads `file` record by record. With `onRecord`, each parsed record is handed
 * to it (with its index) and not kept: the result then has `streamed` and no
 * `records`. A file that leaves the fast path is read whole by readDataFile,
 * and its result holds every record as always: whatever `onRecord` was handed
 * before that is to be forgotten.
 */
export function readRecords(root: string, file: string, chunkSize = READ_CHUNK, onRecord?: (record: unknown, index: number) => void): RecordsRead {
  const whole = () => readDataFile(join(root, file), file);
  if (symlinkIn(root, file) !== undefined) return whole();
  const path = join(root, file);
  const scanner = new RecordScanner();
  const records: unknown[] = [];
  let count = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const hashes: string[] = [];
  let block: Hash | undefined;
  let previous: string | undefined;
  let bad = false;
  // One record's bytes: checked and parsed, or `bad` (the file is then read whole by readDataFile).
  const take = (bytes: Uint8Array, start: number, end: number) => {
    if (bad) return;
    if (!isUtf8(bytes)) return void (bad = true);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // Inside the file's array, a record nests one level less deep than the file.
    const scan = scanText(text, MAX_DEPTH - 1);
    if (scan.tooDeep || scan.duplicates.length || scan.unsafeNumbers.length) return void (bad = true);
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return void (bad = true);
    }
    if (hasForbiddenKey(record)) return void (bad = true);
    const id = recordId(record);
    if (id !== undefined) {
      if (previous !== undefined && id < previous) return void (bad = true);
      previous = id;
    }
    if (count % HASHED_BLOCK === 0) block = createHash('sha1');
    block!.update(bytes);
    if (onRecord) onRecord(record, count);
    else records.push(record);
    count++;
    starts.push(start);
    ends.push(end);
    if (count % HASHED_BLOCK === 0) hashes.push(block!.digest('hex'));
  };
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // One buffer, reused: the bytes of a record begun in an earlier chunk are moved to its front, then the next
    // chunk is read after them (the buffer grows only for a record longer than itself).
    let buffer = Buffer.allocUnsafe(chunkSize);
    let kept = 0; // bytes at the front of `buffer` already scanned (a record's beginning)
    let base = 0; // the file offset of buffer[0]
    for (;;) {
      if (kept === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
      const n = readSync(fd, buffer, kept, buffer.length - kept, base + kept);
      if (n === 0) break;
      // A byte order mark is a warning, said by readDataFile.
      if (base + kept === 0 && n >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return whole();
      const bytes = buffer.subarray(0, kept + n);
      const at = base;
      scanner.scan(bytes, at, kept, (start, end) => take(bytes.subarray(start - at, end - at), start, end));
      if (scanner.bad || bad) return whole();
      if (scanner.start >= 0) {
        buffer.copyWithin(0, scanner.start - base, kept + n);
        kept = kept + n - (scanner.start - base);
        base = scanner.start;
      } else {
        base += kept + n;
        kept = 0;
      }
    }
  } catch {
    return whole();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!scanner.done) return whole();
  if (count % HASHED_BLOCK !== 0) hashes.push(block!.digest('hex'));

  // The bytes of the piece being read again: one buffer for the collection, reused (the records are parsed from it at once).
  let scratch = Buffer.alloc(0);
  const again = (start: number, end: number): unknown[] | undefined => {
    if (end <= start) return [];
    const first = Math.floor(start / HASHED_BLOCK);
    const last = Math.floor((end - 1) / HASHED_BLOCK);
    const from = starts[first * HASHED_BLOCK]!;
    const until = ends[Math.min(count, (last + 1) * HASHED_BLOCK) - 1]!;
    if (scratch.length < until - from) scratch = Buffer.allocUnsafe(Math.max(until - from, scratch.length * 2));
    const piece = scratch.subarray(0, until - from);
    let again: number | undefined;
    try {
      again = openSync(path, 'r');
      for (let at = 0; at < piece.length; ) {
        const n = readSync(again, piece, at, piece.length - at, from + at);
        if (n === 0) return undefined;
        at += n;
      }
    } catch {
      return undefined;
    } finally {
      if (again !== undefined) closeSync(again);
    }
    const bytesOf = (r: number) => piece.subarray(starts[r]! - from, ends[r]! - from);
    for (let b = first; b <= last; b++) {
      const hash = createHash('sha1');
      for (let r = b * HASHED_BLOCK; r < Math.min(count, (b + 1) * HASHED_BLOCK); r++) hash.update(bytesOf(r));
      if (hash.digest('hex') !== hashes[b]) return undefined;
    }
    const out = new Array<unknown>(end - start);
    for (let r = start; r < end; r++) out[r - start] = JSON.parse(bytesOf(r).toString('utf8'));
    return out;
  };
  return onRecord ? { problems: [], records: undefined, again, streamed: { count } } : { problems: [], records, again };
}
