/**
 * `npm run validate [-- --root DIR] [--fail-on-warnings]`: checks every file in
 * DIR/data (default: this project) and explains every problem found.
 * Exit code 0 when there are no errors, 1 when there are, 2 on a usage error.
 */
import { resolve } from 'node:path';
import { lintData } from './lint/run.js';
import { formatReport } from './lint/report.js';
import { countLevels } from './lint/problems.js';
import { parseArgs, projectRoot } from './lib/cli.js';

const args = parseArgs(process.argv.slice(2), { root: 'string', 'fail-on-warnings': 'boolean', json: 'boolean' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const root = resolve(String(args.values.root ?? projectRoot()));
const result = lintData(root);
if (args.values.json) {
  process.stdout.write(JSON.stringify(result.problems, null, 2) + '\n');
} else {
  const records = Object.values(result.counts).reduce((a, b) => a + b, 0);
  console.log(`Checked ${records} records in ${Object.keys(result.counts).length} files under ${root}/data`);
  console.log(formatReport(result.problems, { color: process.stdout.isTTY }));
}
const { errors, warnings } = countLevels(result.problems);
process.exitCode = errors > 0 || (args.values['fail-on-warnings'] && warnings > 0) ? 1 : 0;
