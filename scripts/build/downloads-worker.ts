/** A worker behind `startDownloads`: builds one part (the workbook, or the database and metadata.json) from the data it is sent. */
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from './dataset.js';
import { buildPart, receivedTable, type Part, type SentTable } from './downloads.js';
import type { ReleaseInfo } from './release-info.js';

const { release, part, baselineWasm } = workerData as { release: ReleaseInfo; part: Part; baselineWasm: boolean };
// Before any WebAssembly is compiled (V8's flags are the process's; only SQLite uses WebAssembly).
if (part === 'database' && baselineWasm) setFlagsFromString('--liftoff-only');
// Load the library (and compile SQLite's WebAssembly) while the main thread validates.
if (part === 'database') void import('./sqlite.js').then((m) => m.loadSqlite());
else void import('./workbook.js');

parentPort!.once('message', async ({ tables }: { tables: SentTable[] }) => {
  try {
    const { files, timings } = await buildPart(part, tables.map(receivedTable), {} as Dataset, release);
    const list = [...files].map(([name, bytes]) => [name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)] as const);
    parentPort!.postMessage({ files: list, timings });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
