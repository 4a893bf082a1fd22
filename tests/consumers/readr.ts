/**
 * R's readr (Debian's r-base-core and r-cran-readr) reads every CSV of the
 * release with the column types datapackage.json declares: no parsing problem,
 * every row, exactly the declared columns, and the declared R types.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const READR_PACKAGES = ['r-base-core', 'r-cran-readr'];

type Record = (check: string, ok: boolean, detail?: string) => void;
const LETTER: { [type: string]: string } = { string: 'c', list: 'c', integer: 'i', number: 'd', boolean: 'l' };

export function readrChecks(dist: string, script: string, record: Record): void {
  const pkg = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as { resources: Array<{ type?: string; path: string; schema?: { fields: Array<{ name: string; type: string }> } }> };
  const lines: string[] = [];
  for (const r of pkg.resources.filter((x) => x.type === 'table')) {
    const fields = r.schema!.fields;
    const unknown = fields.filter((f) => !LETTER[f.type]);
    if (unknown.length) record(`readr column types known for ${r.path}`, false, unknown.map((f) => `${f.name}: ${f.type}`).join(', '));
    const path = join(dist, r.path);
    const rows = (parse(readFileSync(path), { columns: true }) as unknown[]).length;
    lines.push([path, fields.map((f) => LETTER[f.type] ?? 'c').join(''), String(rows), fields.map((f) => f.name).join(',')].join('\t'));
  }
  const manifest = join(mkdtempSync(join(tmpdir(), 'ops-readr-')), 'manifest.tsv');
  writeFileSync(manifest, lines.join('\n') + '\n');
  const run = spawnSync('Rscript', [script, manifest], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.error || run.status !== 0) {
    record('Rscript runs the readr checks to the end', false, (run.error?.message ?? run.stderr).trim().split('\n').slice(-3).join(' '));
    return;
  }
  let checks = 0;
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const [status, check, detail] = line.split('\t');
    record(check ?? line, status === 'ok', detail);
    checks++;
  }
  record('readr checked every CSV table', checks === lines.length * 4, `${checks} checks for ${lines.length} tables`);
}
