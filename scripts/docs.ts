/**
 * `npm run docs`: regenerates the generated parts of the documentation from
 * the schemas and data: docs/data-dictionary.md, the counts block of
 * README.md (between the `counts` markers) and the verification counts of
 * docs/METHODOLOGY.md, and the coverage page docs/coverage.md.
 * `npm run docs -- --check`: exits 1, naming the file, when either is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDictionary } from './build/dictionary.js';
import { tables } from './build/tables.js';
import { projectRoot } from './lib/cli.js';
import { readmeWithCounts } from './lib/readme-counts.js';
import { methodologyWithCounts } from './lib/verification-report.js';
import { coverageFromRoot } from './lib/coverage-page.js';
import { requireValidData } from './lib/require-valid-data.js';

const root = projectRoot();
requireValidData(root, 'npm run docs');
const targets: Array<[string, (current: string) => string]> = [
  ['docs/data-dictionary.md', () => dataDictionary(tables) + '\n'],
  ['README.md', (current) => readmeWithCounts(current, root)],
  ['docs/METHODOLOGY.md', (current) => methodologyWithCounts(current, root)],
  ['docs/coverage.md', () => coverageFromRoot(root)],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, generate] of targets) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const next = generate(current);
  if (current === next) continue;
  if (check) {
    console.error(`${file} is out of date with the schemas or data. Run \`npm run docs\` to regenerate it, and commit the result.`);
    stale++;
  } else {
    writeFileSync(path, next);
    console.log(`updated ${file}`);
  }
}
if (check && !stale) console.log('generated documentation is up to date');
process.exitCode = stale ? 1 : 0;
