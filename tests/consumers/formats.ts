/**
 * The consumer checks of the workbook and the database (helper "formats"):
 * openpyxl and LibreOffice open overseas-police-stations.xlsx, Debian's sqlite3
 * checks overseas-police-stations.sqlite, BibTeX 0.99d reads sources.bib.
 * Called from run.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, PROJECT_ROOT } from '../helpers/fixture.js';

/** Debian packages these checks need (LibreOffice is installed for the CSV checks already); texlive-binaries brings BibTeX 0.99d. */
export const FORMATS_PACKAGES = ['python3-openpyxl', 'sqlite3', 'texlive-binaries'];

export function checkFormats(dist: string, work: string, python: (script: string, ...args: string[]) => void): void {
  python('sqlite.py', dist);
  python('workbook.py', dist, join(work, 'workbook'));
}

/** The release built from formula-like text: in the workbook those cells must stay text (openpyxl data type "s"), never formulas. */
export function checkFormulaWorkbook(formulaDist: string, work: string, python: (script: string, ...args: string[]) => void): void {
  python('workbook.py', formulaDist, join(work, 'workbook-formulas'));
}

type Record = (check: string, ok: boolean, detail?: string) => void;
type Build = (out: string, root?: string) => { status: number | null; stderr: string };

/** Runs BibTeX 0.99d (Debian's texlive-binaries) over a sources.bib with fields.bst; returns what it printed per entry. */
function runBibtex(bib: string, work: string): { entries: Map<string, Map<string, string>>; log: string; status: number | null } {
  mkdirSync(work, { recursive: true });
  copyFileSync(bib, join(work, 'sources.bib'));
  writeFileSync(join(work, 'release.aux'), '\\citation{*}\n\\bibstyle{fields}\n\\bibdata{sources}\n');
  const env = { ...process.env, BSTINPUTS: `${join(PROJECT_ROOT, 'tests/consumers')}:`, BIBINPUTS: `${work}:` };
  const run = spawnSync('bibtex', ['release'], { cwd: work, encoding: 'utf8', env });
  const bbl = existsSync(join(work, 'release.bbl')) ? readFileSync(join(work, 'release.bbl'), 'utf8') : '';
  const entries = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  // BibTeX wraps output lines at spaces, continuing them with two spaces.
  for (const line of bbl.replace(/\n {2}/g, ' ').split('\n')) {
    if (line.startsWith('@entry ')) entries.set(line.slice(7), (current = new Map()));
    else if (line === '@end') current = undefined;
    else if (current && line.includes('=')) current.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1));
  }
  return { entries, log: `${run.stdout}${run.stderr}`, status: run.status };
}

/**
 * BibTeX 0.99d reads sources.bib: the real release, and a release whose
 * source titles carry injection payloads. Every entry must come back with its
 * own url and date, no error messages, and no field the release never wrote.
 */
export function checkBibtex(dist: string, work: string, build: Build, record: Record): void {
  const check = (label: string, release: string, sources: Array<{ id: string; url: string }>) => {
    const { entries, log, status } = runBibtex(join(release, 'sources.bib'), join(work, `bibtex-${label}`));
    record(`BibTeX 0.99d reads the ${label} sources.bib without errors`, status === 0 && !/error message/.test(log), log.split('\n').filter((l) => /error|Warning/i.test(l)).slice(0, 3).join(' '));
    const problems: string[] = [];
    if (entries.size !== sources.length) problems.push(`${entries.size} entries read, ${sources.length} sources`);
    for (const s of sources) {
      const e = entries.get(s.id);
      if (!e) problems.push(`${s.id} missing`);
      else if (e.get('url') !== s.url.replace(/[{}\\\s"]/g, encodeURIComponent)) problems.push(`${s.id}: url ${e.get('url')}`);
      else if (e.has('x')) problems.push(`${s.id}: an injected field x = ${e.get('x')}`);
    }
    record(`BibTeX 0.99d finds every ${label} source with its own url and nothing injected`, !problems.length, problems.slice(0, 3).join('; '));
  };
  check('release', dist, JSON.parse(readFileSync(join(dist, 'data/sources.json'), 'utf8')));

  const payloads = ['Real title}, url = "https://evil.example/phish", x = "y', 'A lone { swallows the rest', 'Escaped \\{ and \\} braces \\', '}}}} {{{{ @misc{evil, x = {1}}'];
  const hostile = fixture().edit('sources', (sources) => payloads.forEach((text, i) => sources[i] && (sources[i].title = text)));
  const out = join(work, 'bibtex-hostile-dist');
  const built = build(out, hostile.root);
  record('a release whose source titles carry BibTeX injection payloads builds', built.status === 0, built.stderr.slice(0, 300));
  if (built.status === 0) check('hostile', out, JSON.parse(readFileSync(join(out, 'data/sources.json'), 'utf8')));
}
