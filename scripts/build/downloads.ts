/**
 * The download-only artifacts: the Excel workbook, the SQLite database and its
 * Datasette metadata. They are built off the main thread (downloads-worker.ts),
 * so that loading exceljs and SQLite's WebAssembly and writing both files
 * overlap with validation and the other artifacts.
 */
import { Worker } from 'node:worker_threads';
import type { Dataset } from './dataset.js';
import { DATABASE_FILE, datasetteMetadata } from './datasette-metadata.js';
import type { ReleaseInfo } from './release-info.js';
import { buildDatabase } from './sqlite.js';
import { tables as allTables, type Table } from './tables.js';
import { buildWorkbook } from './workbook.js';

export const WORKBOOK_FILE = 'overseas-police-stations.xlsx';
export { DATABASE_FILE };
export const METADATA_FILE = 'metadata.json';

export interface Downloads {
  files: Map<string, Buffer>;
  /** Seconds per artifact. */
  timings: Record<string, number>;
}

/** Builds the three files in this thread. */
export async function buildDownloads(data: Dataset, release: ReleaseInfo, tables: readonly Table[] = allTables): Promise<Downloads> {
  const timings: Record<string, number> = {};
  const files = new Map<string, Buffer>();
  let start = performance.now();
  files.set(WORKBOOK_FILE, await buildWorkbook(tables, data, release));
  timings.workbook = (performance.now() - start) / 1000;
  start = performance.now();
  files.set(DATABASE_FILE, await buildDatabase(tables, data, release));
  timings.sqlite = (performance.now() - start) / 1000;
  files.set(METADATA_FILE, Buffer.from(JSON.stringify(datasetteMetadata(tables, release), null, 2) + '\n'));
  return { files, timings };
}

/**
 * Starts a worker that loads the libraries at once; `build` sends it the
 * validated data. `stop` ends the worker when the build stops early.
 */
export function startDownloads(release: ReleaseInfo) {
  const worker = new Worker(new URL('./downloads-worker.js', import.meta.url), { workerData: { release } });
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
      if (!settled) reject(new Error(`the downloads worker stopped (exit code ${code})`));
    });
  });
  result.catch(() => {}); // handled by whoever awaits `build`
  return {
    build(data: Dataset): Promise<Downloads> {
      worker.postMessage({ data });
      return result;
    },
    stop: () => void worker.terminate(),
  };
}
