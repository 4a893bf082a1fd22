/**
 * `npm run diff -- <git-ref> [--format human|markdown|json] [--check-version] [--root DIR]`:
 * prints, per collection, the records added, removed and changed (field by
 * field) between the ref and the working tree, and the release the changes
 * require (major/minor/patch, README "Versioning"). The markdown format is
 * meant for the CHANGELOG's data section and the release notes.
 * --check-version fails (exit 1) when package.json's version is not bumped
 * from the ref's by at least that much. Exit 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { escapeText, safeJson } from './lint/escape.js';
import { parseArgs, projectRoot, quietOnBrokenPipe } from './lib/cli.js';

quietOnBrokenPipe();
import { atLeast, bumpLevel, diffData, DiffError, versionAt, type DataDiff } from './lib/data-diff.js';

const args = parseArgs(process.argv.slice(2), { format: 'string', 'check-version': 'boolean', root: 'string' });
if (!args.ok || args.positional.length !== 1) {
  console.error(args.ok ? 'usage: npm run diff -- <git-ref> [--format human|markdown|json] [--check-version]' : args.error);
  process.exit(2);
}
const format = String(args.values.format ?? 'human');
if (!['human', 'markdown', 'json'].includes(format)) {
  console.error(`unknown format "${escapeText(format)}"; known formats: human, markdown, json`);
  process.exit(2);
}
const root = resolve(String(args.values.root ?? projectRoot()));
const ref = args.positional[0]!;

const show = (v: unknown) => {
  const text = v === undefined ? '(none)' : JSON.stringify(v);
  return escapeText(text.length > 120 ? text.slice(0, 117) + '…' : text);
};

function render(d: DataDiff, markdown: boolean): string {
  const code = (s: string) => (markdown ? '`' + s.replace(/`/g, "'") + '`' : s);
  const lines: string[] = [];
  const summary = d.level === 'none' ? 'no data changes' : `requires a ${d.level} release`;
  lines.push(markdown ? `## Data changes since ${escapeText(d.ref)} (${summary})` : `Data changes since ${escapeText(d.ref)}: ${summary}`);
  for (const c of d.collections) {
    if (c.level === 'none') continue;
    lines.push('', markdown ? `### ${c.name} (+${c.added.length} −${c.removed.length} ~${c.changed.length}; ${c.level})` : `${c.name}: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed (${c.level})`);
    for (const s of c.shape) lines.push(`- ${escapeText(s.text)} (${s.level})`);
    for (const id of c.added) lines.push(`- added ${code(escapeText(id))}`);
    for (const id of c.removed) lines.push(`- removed ${code(escapeText(id))} (major)`);
    for (const ch of c.changed) {
      lines.push(`- changed ${code(escapeText(ch.id))}:`);
      for (const f of ch.fields.slice(0, 50)) lines.push(`  - ${code(escapeText(f.path))}: ${show(f.before)} → ${show(f.after)}`);
      if (ch.fields.length > 50) lines.push(`  - … and ${ch.fields.length - 50} more fields`);
    }
  }
  if (d.schemaFilesChanged.length) {
    lines.push('', `Schema files changed (review by hand: a tightened constraint is major, a relaxed one minor): ${d.schemaFilesChanged.map(escapeText).join(', ')}`);
  }
  return lines.join('\n');
}

try {
  const d = diffData(root, ref);
  if (format === 'json') process.stdout.write(safeJson(d) + '\n');
  else console.log(render(d, format === 'markdown'));
  if (args.values['check-version']) {
    const from = versionAt(root, ref);
    const to = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const bump = bumpLevel(from, to);
    if (bump === undefined || !atLeast(bump, d.level)) {
      console.error(`✖ version ${to} after ${from} is ${bump === undefined ? 'not higher' : `a ${bump} bump`}, but the data changes since ${escapeText(ref)} require a ${d.level} release`);
      process.exitCode = 1;
    } else {
      console.error(`✔ version ${to} after ${from} is a ${bump} bump; the data changes require ${d.level === 'none' ? 'none' : `a ${d.level} one`}`);
    }
  }
} catch (error) {
  if (error instanceof DiffError) {
    console.error(`✖ ${escapeText(error.message)}`);
    process.exit(1);
  }
  throw error;
}
