/**
 * `npm run validate [-- --root DIR] [--format human|github|json] [--fail-on-warnings]`:
 * checks every file in DIR/data (default: this project) and explains every
 * problem found, with its line and column. `--format github` prints workflow
 * annotations (CI), `--format json` the problems as JSON (`--json` is the same).
 * Exit code 0 when there are no errors, 1 when there are, 2 on a usage error.
 */
import { resolve } from 'node:path';
import { lintData } from './lint/run.js';
import { recordCache } from './lint/record-cache.js';
import { format, FORMATS, type Format } from './lint/report.js';
import { countLevels } from './lint/problems.js';
import { escapeCommandData, escapeText } from './lint/escape.js';
import { parseArgs, projectRoot, quietOnBrokenPipe } from './lib/cli.js';
import { withoutOptimisingCompilerFor } from './lib/small-data.js';

quietOnBrokenPipe();

const args = parseArgs(process.argv.slice(2), { root: 'string', 'fail-on-warnings': 'boolean', json: 'boolean', format: 'string' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const as = (args.values.json ? 'json' : String(args.values.format ?? 'human')) as Format;
if (!FORMATS.includes(as)) {
  console.error(`unknown format "${escapeText(as)}"; known formats: ${FORMATS.join(', ')}`);
  process.exit(2);
}
const root = resolve(String(args.values.root ?? projectRoot()));
withoutOptimisingCompilerFor(root);
// Record checks of files unchanged since the last run come from the cache (record-cache.ts).
const result = lintData(root, { cache: recordCache(projectRoot()) });
if (as === 'human') {
  const records = Object.values(result.counts).reduce((a, b) => a + b, 0);
  console.log(`Checked ${records} records in ${Object.keys(result.counts).length} files under ${escapeText(root)}/data`);
  for (const note of result.notes) console.log(`note: ${escapeText(note)}`);
} else if (as === 'github') {
  for (const note of result.notes) console.log(`::notice title=released ids::${escapeCommandData(escapeText(note))}`);
}
process.stdout.write(format(result.problems, as, { color: process.stdout.isTTY }) + '\n');
const { errors, warnings } = countLevels(result.problems);
process.exitCode = errors > 0 || (args.values['fail-on-warnings'] && warnings > 0) ? 1 : 0;
