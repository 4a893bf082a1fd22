/** The worker behind `startDownloads` that builds the SQLite database and its Datasette metadata from the tables it is sent. */
import { setFlagsFromString } from 'node:v8';
import { workerData } from 'node:worker_threads';
import type { Dataset } from './dataset.js';
import { buildDatabasePart } from './downloads.js';
import { serve } from './worker-loop.js';

// Before any WebAssembly is compiled (V8's flags are the process's; only SQLite uses WebAssembly).
if ((workerData as { baselineWasm?: boolean }).baselineWasm) setFlagsFromString('--liftoff-only');
// Load SQLite and compile its WebAssembly while the main thread validates.
void import('./sqlite.js').then((m) => m.loadSqlite());
serve('database', (tables, release) => buildDatabasePart(tables, {} as Dataset, release));
