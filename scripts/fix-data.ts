/**
 * `npm run fix`: sorts every data file by id and rewrites it in the canonical
 * layout (two-space JSON, trailing newline). Files that are not valid JSON
 * arrays are left alone and reported; run `npm run validate` for details.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../schemas/index.js';
import { projectRoot } from './lib/cli.js';

const root = process.argv[2] ?? projectRoot();
let failed = 0;
for (const info of collections) {
  const path = join(root, info.file);
  let records: unknown;
  try {
    records = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    console.error(`✖ ${info.file}: not rewritten, it cannot be read as JSON (${(error as Error).message}). Run npm run validate for details.`);
    failed++;
    continue;
  }
  if (!Array.isArray(records)) {
    console.error(`✖ ${info.file}: not rewritten, it is not a JSON array.`);
    failed++;
    continue;
  }
  const key = (r: unknown) => String((r as { id?: unknown })?.id ?? '');
  const sorted = [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const text = JSON.stringify(sorted, null, 2) + '\n';
  writeFileSync(path, text);
  console.log(`✔ ${info.file}: ${sorted.length} records`);
}
process.exitCode = failed ? 1 : 0;
