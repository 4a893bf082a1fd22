import type { DatasetRule } from '../rule.js';

const rule: DatasetRule = {
  name: 'unused',
  scope: 'dataset',
  check: 'unused-source',
  // Whether a record is referenced is known only once every collection has been read.
  streaming: 'at-end',
  description: 'Warns about sources that no record cites and actors that no record references.',
  run(ctx) {
    for (const name of ['sources', 'actors'] as const) {
      const used = ctx.referenced(name);
      for (const { index, record } of ctx.rows[name]) {
        if (typeof record.id !== 'string' || used.has(record.id)) continue;
        if (name === 'sources') {
          ctx.report(name, index, [], 'no record cites this source', { level: 'warning', check: 'unused-source', tip: 'Cite it where it supports a record, or remove it if it supports nothing.' });
        } else {
          ctx.report(name, index, [], 'no record references this actor', { level: 'warning', check: 'unused-actor', tip: 'Reference it (speaker, operator, party, claimed_by…) or remove it.' });
        }
      }
    }
  },
};
export default rule;
