/**
 * The download-only artifacts: the Excel workbook, the SQLite database and its
 * Datasette metadata. They are built off the main thread (workbook-worker.ts, database-worker.ts),
 * so that loading exceljs and SQLite's WebAssembly and writing both files
 * overlap with validation and the other artifacts. The workers are sent the
 * rows of every table, not the records, so that they load neither Zod nor the
 * schemas.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Dataset } from './dataset.js';
import { DATABASE_FILE, datasetteMetadata } from './datasette-metadata.js';
import type { ReleaseInfo } from './release-info.js';
import type { Row, Table } from './tables.js';

export const WORKBOOK_FILE = 'overseas-police-stations.xlsx';
export { DATABASE_FILE };
export const METADATA_FILE = 'metadata.json';

export interface Downloads {
  files: Map<string, Buffer>;
  /** Seconds per artifact. */
  timings: Record<string, number>;
}

export type Part = 'workbook' | 'database';

/** A table as sent to a worker: its declaration and its rows. */
export type SentTable = Omit<Table, 'rows'> & { rows: Row[] };
/** A sent table as a table again (its rows no longer depend on the data). */
export const receivedTable = ({ rows, ...declaration }: SentTable): Table => ({ ...declaration, rows: () => rows });
export const PARTS: readonly Part[] = ['workbook', 'database'];

/** The workbook. Its library is imported here, so that what uses only the database never loads it. */
export async function buildWorkbookPart(tables: readonly Table[], data: Dataset, release: ReleaseInfo): Promise<Map<string, Buffer>> {
  const { buildWorkbook } = await import('./workbook.js');
  return new Map([[WORKBOOK_FILE, await buildWorkbook(tables, data, release)]]);
}

/** The database and its Datasette metadata. SQLite is imported here, so that what uses only the workbook never loads it. */
export async function buildDatabasePart(tables: readonly Table[], data: Dataset, release: ReleaseInfo): Promise<Map<string, Buffer>> {
  const { buildDatabase } = await import('./sqlite.js');
  return new Map([
    [DATABASE_FILE, await buildDatabase(tables, data, release)],
    [METADATA_FILE, Buffer.from(JSON.stringify(datasetteMetadata(tables, release), null, 2) + '\n')],
  ]);
}

/** Builds one part in this thread: the workbook, or the database with its Datasette metadata. */
export async function buildPart(part: Part, tables: readonly Table[], data: Dataset, release: ReleaseInfo): Promise<Downloads> {
  const start = performance.now();
  const files = await (part === 'workbook' ? buildWorkbookPart : buildDatabasePart)(tables, data, release);
  return { files, timings: { [part]: (performance.now() - start) / 1000 } };
}

/** Builds every part in this thread, one after the other (the benchmark measures them so). */
export async function buildDownloads(tables: readonly Table[], data: Dataset, release: ReleaseInfo): Promise<Downloads> {
  const files = new Map<string, Buffer>();
  const timings: Record<string, number> = {};
  for (const part of PARTS) {
    const built = await buildPart(part, tables, data, release);
    for (const [name, bytes] of built.files) files.set(name, bytes);
    Object.assign(timings, built.timings);
  }
  return { files, timings };
}

export interface WorkerOptions {
  /**
   * Run SQLite's WebAssembly on V8's baseline compiler alone (Liftoff, no
   * optimising tier), for small data (scripts/lib/small-data.ts): for a few
   * thousand rows, compiling optimised code for SQLite's functions costs more
   * than it saves (the real database: 0.64 → 0.29 s).
   */
  baselineWasm?: boolean;
}

/**
 * A part's worker (workbook-worker.ts, database-worker.ts): its one-file bundle when the compile step wrote it (it
 * loads faster, and holds only that part's library), else the compiled module.
 */
function workerFile(part: Part): URL {
  const bundle = new URL(`./${part}-worker.bundle.mjs`, import.meta.url);
  return existsSync(bundle) ? bundle : new URL(`./${part}-worker.js`, import.meta.url);
}

/** One worker per part, started at once so that each loads its library (exceljs, SQLite's WebAssembly) while the data is validated. */
function startWorker(part: Part, release: ReleaseInfo, options: WorkerOptions) {
  const worker = new Worker(workerFile(part), { workerData: { release, part, baselineWasm: options.baselineWasm === true } });
  let settled = false;
  const result = new Promise<Downloads>((resolve, reject) => {
    worker.once('message', (message: { error?: string; files?: Array<[string, Uint8Array]>; timings?: Record<string, number> }) => {
      settled = true;
      if (message.error) reject(new Error(message.error));
      else resolve({ files: new Map(message.files!.map(([name, bytes]) => [name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])), timings: message.timings! });
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the ${part} worker stopped (exit code ${code})`));
    });
  });
  result.catch(() => {}); // reported by whoever awaits `build`
  return { worker, result };
}

/**
 * Starts the workers; `build` sends them the validated data and resolves with
 * every file. `stop` ends them when the build stops early.
 */
export function startDownloads(release: ReleaseInfo, options: WorkerOptions = {}) {
  const workers = PARTS.map((part) => startWorker(part, release, options));
  return {
    async build(tables: readonly Table[], data: Dataset): Promise<Downloads> {
      const message = { tables: tables.map(({ rows, ...declaration }) => ({ ...declaration, rows: rows(data) })) satisfies SentTable[] };
      for (const w of workers) w.worker.postMessage(message);
      const parts = await Promise.all(workers.map((w) => w.result));
      return { files: new Map(parts.flatMap((p) => [...p.files])), timings: Object.assign({}, ...parts.map((p) => p.timings)) };
    },
    stop: () => workers.forEach((w) => void w.worker.terminate()),
  };
}
