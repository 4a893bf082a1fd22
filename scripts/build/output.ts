/**
 * The writer interface of the build: every release artifact is made by an
 * Output that receives the validated records one collection at a time and
 * writes into the temporary tree as it goes (streamed files for the big ones),
 * so that no collection, and no output file, has to be held whole beside the
 * others. Adding an artifact (the workbook, the database…) is one Output in
 * outputs.ts's list.
 *
 * Each collection arrives in pieces (RECORDS_PER_PASS records, as Zod returned
 * them): `begin`, `piece` once or more, `end`. Collections arrive in
 * streamingOrder (scripts/lint/stream.ts): every
 * collection a record references has arrived before it. Besides the records of
 * the collection being built, an output can read `ctx.names`: the id, URL,
 * title and description of every source and the id, name and role of every
 * actor, which the readable tables print instead of ids.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CollectionName } from '../../schemas/primitives.js';
import type { Dataset } from './dataset.js';
import type { PackageMeta } from './datapackage.js';
import type { JsonSchema } from './json-schema.js';

/** Size and SHA-256 of a written file, for datapackage.json (the hash only for the files it describes). */
export interface FileDigest {
  bytes: number;
  hash?: string;
}

/** A file being written piece by piece into the temporary tree. */
export interface FileSink {
  write(chunk: string | Buffer): void;
  close(): FileDigest;
}

export interface BuildContext {
  meta: PackageMeta;
  /** The JSON Schema of each collection file (generated once, before any collection). */
  schemas: Map<string, JsonSchema>;
  compiledSchemasDir: string;
  /** Writes a whole file. */
  write(path: string, bytes: string | Buffer): FileDigest;
  /** Opens a file to write in pieces; close() it when done. */
  open(path: string): FileSink;
  /** Reads back a file written earlier. */
  read(path: string): Buffer;
  /** Reads back the first `length` bytes of a file written earlier, `buffer.length` at a time, handing each piece to `each`. */
  readChunks(path: string, buffer: Buffer, length: number, each: (piece: Buffer) => void): void;
  /** Every file written so far, with its size and hash. */
  written: ReadonlyMap<string, FileDigest>;
  /** Reports that the bundle failed a check (the build is refused; nothing replaces dist/). */
  problem(message: string): void;
  /** Rows written per CSV table. */
  rows: Map<string, number>;
  /** The names that the readable tables print for ids (complete for sources and actors once they have arrived). */
  names: Names;
  /** The ids of each collection that has arrived, in file order. */
  ids: ReadonlyMap<CollectionName, readonly string[]>;
}

/** The fields of sources and actors that outputs of other collections read. */
export interface Names {
  sources: Array<{ id: string; url: string; title?: string; description?: string }>;
  actors: Array<{ id: string; name: string; role: string }>;
}

export interface Output {
  /** The stage name, as the benchmark prints it. */
  stage: string;
  /** Once, before the first collection. */
  start?(ctx: BuildContext): void;
  /** Once per collection, before its first piece. */
  begin?(name: CollectionName, ctx: BuildContext): void;
  /** Once per piece of a collection, with the records Zod returned; `offset` is the index in the file of the first. */
  piece?(name: CollectionName, records: Dataset[CollectionName], offset: number, ctx: BuildContext): void;
  /** Once per collection, after its last piece. */
  end?(name: CollectionName, ctx: BuildContext): void;
  /** Once, after the last collection (in list order: datapackage.json, which describes the others, is last). */
  finish?(ctx: BuildContext): void;
}

const sha256 = (hash: Hash) => `sha256:${hash.digest('hex')}`;

/** Files written into `dir`, each hashed as it is written. */
export class TreeWriter {
  readonly written = new Map<string, FileDigest>();
  /** `hashed`: which files get a SHA-256 (hashing every JSON file would cost time for nothing). */
  constructor(readonly dir: string, readonly hashed: (path: string) => boolean = () => true) {}

  /** `replace`: the file may have been written before (datapackage.json, written again when files are added). */
  open(path: string, replace = false): FileSink {
    if (this.written.has(path) && !replace) throw new Error(`the build writes ${path} twice`);
    const target = join(this.dir, path);
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'w');
    const hash = this.hashed(path) ? createHash('sha256') : undefined;
    let bytes = 0;
    let closed = false;
    return {
      write: (chunk) => {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        for (let at = 0; at < buffer.length; ) at += writeSync(fd, buffer, at, buffer.length - at);
        hash?.update(buffer);
        bytes += buffer.length;
      },
      close: () => {
        if (closed) throw new Error(`${path} closed twice`);
        closed = true;
        closeSync(fd);
        const digest: FileDigest = hash ? { bytes, hash: sha256(hash) } : { bytes };
        this.written.set(path, digest);
        return digest;
      },
    };
  }

  read(path: string): Buffer {
    if (!this.written.has(path)) throw new Error(`${path} has not been written`);
    return readFileSync(join(this.dir, path));
  }

  readChunks(path: string, buffer: Buffer, length: number, each: (piece: Buffer) => void): void {
    if (!this.written.has(path)) throw new Error(`${path} has not been written`);
    const fd = openSync(join(this.dir, path), 'r');
    try {
      for (let at = 0; at < length; ) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, length - at), at);
        if (n === 0) throw new Error(`${path} is shorter than ${length} bytes`);
        each(buffer.subarray(0, n));
        at += n;
      }
    } finally {
      closeSync(fd);
    }
  }

  write(path: string, bytes: string | Buffer, replace = false): FileDigest {
    const sink = this.open(path, replace);
    sink.write(bytes);
    return sink.close();
  }
}
