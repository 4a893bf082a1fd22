/** The verification counts of docs/METHODOLOGY.md, generated from the data by `npm run docs`. */
import { excerptCoverage, percent, readRecords, sourcesByReadStatus, verificationRows, VERIFICATION_STATUSES } from './dataset-numbers.js';
import { markdownTable, replaceBlock } from './generated-block.js';

export function verificationReport(root: string): string {
  const data = readRecords(root);
  const rows = verificationRows(data);
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const table = markdownTable(
    ['collection', 'records', ...VERIFICATION_STATUSES, 'not yet checked', 'citations with an excerpt'],
    [
      ...rows.map((r) => [r.collection, r.records, ...VERIFICATION_STATUSES.map((s) => r.byStatus[s]), r.byStatus.unchecked, `${r.withExcerpt} of ${r.citations}`]),
      ['**all**', total((r) => r.records), ...VERIFICATION_STATUSES.map((s) => total((r) => r.byStatus[s])), total((r) => r.byStatus.unchecked), `${total((r) => r.withExcerpt)} of ${total((r) => r.citations)}`],
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const coverage = excerptCoverage(rows);
  const read = sourcesByReadStatus(data.sources);
  return [
    table,
    '',
    `Excerpt coverage of supporting citations: **${percent(coverage.share)}**. ` +
      `Sources: ${data.sources.length}, of which ${read.full} read in full, ${read.partial} in part, ${read['not-read']} not read (cited only through, or beside, a source that was read)` +
      (read.unrecorded ? `, and ${read.unrecorded} whose reading is not recorded` : '') +
      `; ${data.sources.filter((s) => s.title === undefined).length} have no headline that could be read and carry a description instead.`,
  ].join('\n');
}

export function methodologyWithCounts(text: string, root: string): string {
  return replaceBlock(text, 'docs/METHODOLOGY.md', 'verification', verificationReport(root));
}
