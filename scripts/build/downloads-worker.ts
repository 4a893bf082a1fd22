/** The worker behind `startDownloads`: builds the workbook, the database and metadata.json from the data it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from './dataset.js';
import { buildDownloads } from './downloads.js';
import type { ReleaseInfo } from './release-info.js';
import { loadSqlite } from './sqlite.js';

const { release } = workerData as { release: ReleaseInfo };
void loadSqlite(); // compile the WebAssembly while the main thread validates

parentPort!.once('message', async ({ data }: { data: Dataset }) => {
  try {
    const { files, timings } = await buildDownloads(data, release);
    const list = [...files].map(([name, bytes]) => [name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)] as const);
    parentPort!.postMessage({ files: list, timings });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
