import type { DatasetRule } from '../rule.js';
import { citationLists, CHECKED } from '../citations.js';

/** The share of supporting citations that must carry a verbatim excerpt. */
export const EXCERPT_TARGET = 0.9;

const rule: DatasetRule = {
  name: 'citation-excerpt',
  scope: 'dataset',
  check: 'excerpt',
  description: `Every citation that supports a claim carries a short verbatim excerpt (warning per record; a file below ${EXCERPT_TARGET * 100} % coverage is warned about as a whole).`,
  run(ctx) {
    // Citations counted per file, from piece to piece; the file as a whole is judged in finish.
    const counts = (ctx.state.counts ??= new Map<string, { total: number; missing: number }>()) as Map<(typeof CHECKED)[number], { total: number; missing: number }>;
    for (const collection of CHECKED) {
      let count = counts.get(collection);
      for (const { index, record } of ctx.rows[collection]) {
        if (!count) counts.set(collection, (count = { total: 0, missing: 0 }));
        const paths: string[] = [];
        let first: ReadonlyArray<string | number> | undefined;
        for (const { path, citations } of citationLists(record)) {
          citations.forEach((c, i) => {
            count!.total++;
            if (c.excerpt !== undefined) return;
            count!.missing++;
            first ??= [...path, i];
            paths.push('/' + [...path, i].join('/'));
          });
        }
        if (first) {
          ctx.report(collection, index, first, `${paths.length} citation${paths.length > 1 ? 's have' : ' has'} no verbatim excerpt${paths.length > 1 ? ` (${paths.slice(0, 4).join(', ')}${paths.length > 4 ? ', …' : ''})` : ''}`, {
            level: 'warning',
            tip: 'Copy the supporting sentence from the source, exactly as printed and in its language, into "excerpt".',
          });
        }
      }
    }
  },
  finish(ctx) {
    const counts = ctx.state.counts as Map<(typeof CHECKED)[number], { total: number; missing: number }> | undefined;
    for (const collection of CHECKED) {
      const count = counts?.get(collection);
      if (count && count.total && (count.total - count.missing) / count.total < EXCERPT_TARGET) {
        ctx.reportFile(collection, `only ${count.total - count.missing} of ${count.total} citations carry an excerpt (target ${EXCERPT_TARGET * 100} %)`, { level: 'warning', tip: 'Add excerpts while checking the records against their sources.' });
      }
    }
  },
};
export default rule;
