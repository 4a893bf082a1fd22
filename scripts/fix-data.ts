/**
 * `npm run fix [-- --root DIR]`: sorts every data file by id and lays it out
 * canonically (two-space JSON, LF line ends, final newline, no BOM), keeping
 * every value's text as written. Reports each file it changed and why; a
 * file that is already sorted and canonical is not written at all. A file the
 * linter cannot read safely (not JSON, nested too deeply, duplicate keys,
 * numbers beyond 2^53, a symbolic link, …) is left alone and reported.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collections } from '../schemas/index.js';
import { readDataFile } from './lint/read-file.js';
import { formatReport } from './lint/report.js';
import { canonicalDataFile } from './lib/canonical-json.js';
import { parseArgs, projectRoot, quietOnBrokenPipe } from './lib/cli.js';

quietOnBrokenPipe();

const args = parseArgs(process.argv.slice(2), { root: 'string' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const root = resolve(String(args.values.root ?? args.positional[0] ?? projectRoot()));
/** File-scope problems that `fix` repairs itself; any other file-scope error means "do not touch". */
const FIXABLE = new Set(['sorted', 'bom']);

let failed = 0;
let changed = 0;
for (const info of collections) {
  const path = join(root, info.file);
  const read = readDataFile(path, info.file);
  const blocking = read.problems.filter((p) => !FIXABLE.has(p.check) && p.level === 'error');
  if (read.records === undefined || read.text === undefined || blocking.length > 0) {
    console.error(`✖ ${info.file}: not rewritten; fix these first:`);
    console.error(formatReport(blocking.length ? blocking : read.problems).split('\n').slice(1, -2).join('\n'));
    failed++;
    continue;
  }
  const canonical = canonicalDataFile(read.text);
  const hadBom = read.problems.some((p) => p.check === 'bom');
  const original = hadBom ? '\uFEFF' + read.text : read.text;
  if (canonical.text === original) {
    console.log(`✔ ${info.file}: unchanged (${canonical.records} records, sorted and canonical)`);
    continue;
  }
  const why: string[] = [];
  if (canonical.reordered) why.push('sorted the records by id');
  if (hadBom) why.push('removed the byte order mark');
  if (read.text.includes('\r\n')) why.push('line ends CRLF → LF');
  const inOrder = canonical.reordered ? canonical.unsorted : canonical.text;
  if (read.text.replace(/\r\n/g, '\n') !== inOrder) why.push('re-indented to the canonical layout (two spaces, final newline)');
  writeFileSync(path, canonical.text);
  changed++;
  console.log(`✎ ${info.file}: rewritten (${canonical.records} records): ${[...new Set(why)].join('; ')}`);
}
console.log(failed ? `${failed} file(s) not rewritten; see npm run validate.` : changed ? `${changed} file(s) rewritten.` : 'Nothing to change.');
process.exitCode = failed ? 1 : 0;
