/**
 * Prints lint problems: grouped by file, BCD-style, with a count at the end
 * (`human`); as GitHub workflow annotations (`github`); or as JSON (`json`).
 * Every text that can come from the data is escaped first (escape.ts).
 */
import { collections } from '../../schemas/index.js';
import { escapeCommandData, escapeCommandProperty, escapeText, safeJson } from './escape.js';
import { countLevels, type Problem } from './problems.js';

export const FORMATS = ['human', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The same problems with every text field escaped for printing. */
function escaped(p: Problem): Problem {
  const e = (s: string | undefined) => (s === undefined ? undefined : escapeText(s));
  return { ...p, file: e(p.file)!, id: e(p.id), path: e(p.path)!, message: e(p.message)!, expected: e(p.expected), tip: e(p.tip), check: e(p.check)! };
}

export function formatReport(problems: readonly Problem[], options: { color?: boolean } = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const byFile = new Map<string, Problem[]>();
  for (const p of problems.map(escaped)) {
    if (!byFile.has(p.file)) byFile.set(p.file, []);
    byFile.get(p.file)!.push(p);
  }
  const order = [...collections.map((c) => c.file), ...[...byFile.keys()].sort()];
  const lines: string[] = [];
  for (const file of [...new Set(order)]) {
    const list = byFile.get(file);
    if (!list) continue;
    const { errors, warnings } = countLevels(list);
    lines.push(paint('1', `${file} — ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`));
    for (const p of list) {
      const mark = p.level === 'error' ? paint('31', '✖ error  ') : paint('33', '⚠ warning');
      const where = [p.id ? `record "${p.id}"` : undefined, p.path ? `at ${p.path}` : undefined, p.line ? `line ${p.line}, column ${p.column}` : undefined]
        .filter(Boolean)
        .join(' ');
      lines.push(`  ${mark} [${p.scope}/${p.check}] ${file}${where ? ' ' + where : ''}: ${p.message}`);
      if (p.expected) lines.push(`      expected: ${p.expected}`);
      if (p.tip) lines.push(`      ◆ Tip: ${p.tip}`);
    }
    lines.push('');
  }
  lines.push(summary(problems, paint));
  return lines.join('\n');
}

/** The closing count line. */
export function summary(problems: readonly Problem[], paint: (code: string, text: string) => string = (_c, t) => t): string {
  const { errors, warnings } = countLevels(problems);
  const files = new Set(problems.map((p) => p.file)).size;
  return errors + warnings === 0
    ? paint('32', '✔ no problems found (0 errors, 0 warnings)')
    : `${errors ? paint('31', '✖') : paint('33', '⚠')} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}

/**
 * One workflow command per problem (`::error file=…,line=…,col=…,title=…::message`),
 * which GitHub shows as an annotation on that line of the pull request's diff.
 * Data is escaped by GitHub's rules, after the control characters are made visible.
 */
export function formatGithub(problems: readonly Problem[]): string {
  // GitHub shows only the first few annotations of each level per step: errors go first.
  const ordered = [...problems.filter((p) => p.level === 'error'), ...problems.filter((p) => p.level !== 'error')];
  const lines = ordered.map(escaped).map((p) => {
    const props = [`file=${escapeCommandProperty(p.file)}`];
    if (p.line !== undefined) props.push(`line=${p.line}`, `col=${p.column ?? 1}`);
    props.push(`title=${escapeCommandProperty(`${p.scope}/${p.check}${p.id ? ` "${p.id}"` : ''}`)}`);
    const text = [p.path ? `at ${p.path}: ${p.message}` : p.message, p.expected ? `expected: ${p.expected}` : undefined, p.tip ? `Tip: ${p.tip}` : undefined]
      .filter(Boolean)
      .join('\n');
    return `::${p.level === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeCommandData(text)}`;
  });
  lines.push(summary(problems));
  return lines.join('\n');
}

export function formatJson(problems: readonly Problem[]): string {
  return safeJson(problems);
}

export function format(problems: readonly Problem[], as: Format, options: { color?: boolean } = {}): string {
  return as === 'github' ? formatGithub(problems) : as === 'json' ? formatJson(problems) : formatReport(problems, options);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
