/**
 * `npm run dictionary`: writes docs/data-dictionary.md from the schemas.
 * `npm run dictionary -- --check`: exits 1 when the committed file is out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDictionary } from './build/dictionary.js';
import { tables } from './build/tables.js';
import { projectRoot } from './lib/cli.js';

const path = join(projectRoot(), 'docs', 'data-dictionary.md');
const text = dataDictionary(tables) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current !== text) {
    console.error('docs/data-dictionary.md is out of date with the schemas. Run `npm run dictionary` to regenerate it, and commit the result.');
    process.exit(1);
  }
  console.log('docs/data-dictionary.md is up to date.');
} else {
  mkdirSync(join(projectRoot(), 'docs'), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
