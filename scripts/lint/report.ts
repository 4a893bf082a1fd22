/** Prints lint problems grouped by file, BCD-style, with a count at the end. */
import { collections } from '../../schemas/index.js';
import { countLevels, type Problem } from './problems.js';

export function formatReport(problems: readonly Problem[], options: { color?: boolean } = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
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
  const { errors, warnings } = countLevels(problems);
  const files = byFile.size;
  lines.push(
    errors + warnings === 0
      ? paint('32', '✔ no problems found (0 errors, 0 warnings)')
      : `${errors ? paint('31', '✖') : paint('33', '⚠')} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}`,
  );
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
