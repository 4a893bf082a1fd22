/** For commands that read data/: stop with the linter's report, not a stack trace, when the data has errors. */
import { countLevels } from '../lint/problems.js';
import { formatReport } from '../lint/report.js';
import { lintData, type LintResult } from '../lint/run.js';

export function requireValidData(root: string, command: string): LintResult {
  const lint = lintData(root);
  const { errors } = countLevels(lint.problems);
  if (errors > 0) {
    console.error(formatReport(lint.problems.filter((p) => p.level === 'error'), { color: process.stderr.isTTY }));
    console.error(`\n${command} needs valid data; nothing was written. Fix the errors above (npm run validate shows them too).`);
    process.exit(1);
  }
  return lint;
}
