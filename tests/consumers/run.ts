/**
 * `npm run test:consumers`: the built artifacts read by tools we did not write.
 * Installs Debian's python3-pandas, python3-jsonschema, libreoffice-calc,
 * r-base-core and r-cran-readr (as root, with apt), builds a fresh release,
 * then checks it with pandas (every table; the overviews in overviews.py),
 * Python's jsonschema, R's readr (readr.ts), LibreOffice Calc and the
 * Frictionless `datapackage` reader; the workbook with openpyxl and LibreOffice
 * and the database with Debian's sqlite3 (formats.ts). One line per check,
 * then "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import datapackage from 'datapackage';
import { v1Descriptor } from '../helpers/datapackage-v1.js';
import { fixture, PROJECT_ROOT } from '../helpers/fixture.js';
import { READR_PACKAGES, readrChecks } from './readr.js';
import { checkBibtex, checkFormats, checkFormulaWorkbook, FORMATS_PACKAGES } from './formats.js';

const PYTHON = '/usr/bin/python3';
const results: Array<{ check: string; ok: boolean; detail?: string }> = [];
const record = (check: string, ok: boolean, detail = '') => {
  results.push({ check, ok, detail });
  console.log(`${ok ? '✔' : '✖'} ${check}${!ok && detail ? ` — ${detail}` : ''}`);
};
const finish = () => {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

function skip(reason: string): never {
  console.log(`SKIP: the consumer suite needs ${reason}; nothing was checked.`);
  console.log('0 passed, 0 failed');
  process.exit(0);
}

if (process.getuid?.() !== 0) skip('root, to install Debian packages with apt-get');
if (spawnSync('apt-get', ['--version']).status !== 0) skip('apt-get (a Debian machine)');

const packages = ['python3-pandas', 'python3-jsonschema', 'libreoffice-calc', ...READR_PACKAGES, ...FORMATS_PACKAGES];
const missing = packages.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout.indexOf('install ok installed') < 0);
if (missing.length) {
  console.log(`installing ${missing.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const update = spawnSync('apt-get', [...lock, 'update'], { encoding: 'utf8', env });
  const install = update.status === 0 ? spawnSync('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { encoding: 'utf8', env }) : update;
  record(`apt-get installs ${missing.join(', ')}`, install.status === 0, (install.stderr || '').trim().split('\n').slice(-2).join(' '));
  if (install.status !== 0) finish();
}

const work = mkdtempSync(join(tmpdir(), 'ops-consumers-'));
const build = (out: string, root?: string) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/build/main.js'), '--out', out, '--quiet', ...(root ? ['--root', root] : [])], { encoding: 'utf8' });
const dist = join(work, 'dist');
const built = build(dist);
record('npm run build writes a fresh release', built.status === 0, built.stderr);
if (built.status !== 0) finish();

function python(script: string, ...args: string[]) {
  const run = spawnSync(PYTHON, [join(PROJECT_ROOT, 'tests/consumers', script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { check: string; ok: boolean; detail?: string };
    record(r.check, r.ok, r.detail);
  }
  if (run.status !== 0) record(`${script} ran to the end`, false, run.stderr.trim().split('\n').slice(-3).join(' '));
}

python('checks.py', dist);
python('overviews.py', dist);
readrChecks(dist, join(PROJECT_ROOT, 'tests/consumers/readr.R'), record);
checkFormats(dist, work, python);
checkBibtex(dist, work, build, record);

// A release built from data that holds text a spreadsheet would run as a formula.
const dangerous = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1:A2)', 'Città di 温州 😀', 'Line one\nline two'];
const formulas = fixture().edit('statements', (r) => {
  const template = r[0];
  r.length = 0;
  dangerous.forEach((text, i) => r.push({ ...template, id: `formula-${i}`, text, context: text }));
});
const formulaDist = join(work, 'formula-dist');
record('a release with formula-like text builds', build(formulaDist, formulas.root).status === 0);
const formulaCsv = join(work, 'formula-statements.csv');
copyFileSync(join(formulaDist, 'csv/statements.csv'), formulaCsv);
checkFormulaWorkbook(formulaDist, work, python);

if (existsSync('/usr/bin/soffice') || spawnSync('which', ['soffice']).status === 0) {
  python('libreoffice.py', join(work, 'lo'), ...['stations-overview', 'statements-overview', 'figures-overview', 'stations', 'statements', 'actors', 'sources', 'figures'].map((t) => join(dist, 'csv', `${t}.csv`)), formulaCsv);
} else {
  record('LibreOffice (soffice) is installed', false);
}

// The independent Frictionless reader (v1: list cells read as strings), with foreign keys enforced.
const pkg = await datapackage.Package.load(v1Descriptor(dist), { basePath: dist });
record('the datapackage reader finds datapackage.json (v1 view) valid', pkg.valid, pkg.errors.map((e: Error) => e.message).join('; '));
for (const resource of pkg.resources) {
  try {
    await resource.read({ relations: true });
    record(`the datapackage reader reads ${resource.name} with foreign keys enforced`, true);
  } catch (error) {
    record(`the datapackage reader reads ${resource.name} with foreign keys enforced`, false, (error as Error).message);
  }
}
finish();
