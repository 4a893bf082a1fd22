/** What the two download workers share: wait for the tables, build the part, send its files back (or the error). */
import { parentPort, workerData } from 'node:worker_threads';
import { receivedTable, type Part, type SentTable } from './downloads.js';
import type { ReleaseInfo } from './release-info.js';
import type { Table } from './tables.js';

export function serve(part: Part, build: (tables: readonly Table[], release: ReleaseInfo) => Promise<Map<string, Buffer>>): void {
  const { release } = workerData as { release: ReleaseInfo };
  parentPort!.once('message', async ({ tables }: { tables: SentTable[] }) => {
    const start = performance.now();
    try {
      const files = await build(tables.map(receivedTable), release);
      const list = [...files].map(([name, bytes]) => [name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)] as const);
      parentPort!.postMessage({ files: list, timings: { [part]: (performance.now() - start) / 1000 } });
    } catch (error) {
      parentPort!.postMessage({ error: (error as Error).message });
    }
  });
}
