import type { RecordRule } from '../rule.js';

const rule: RecordRule = {
  name: 'source-relation',
  scope: 'record',
  collections: ['sources'],
  check: 'source-relation',
  description: 'A source that reproduces another names both `original` and `relation`.',
  run(s, ctx) {
    if ((s.original === undefined) !== (s.relation === undefined)) {
      ctx.report([s.relation === undefined ? 'relation' : 'original'], '`original` and `relation` go together: a source that reproduces another names both', {
        tip: 'Set both (e.g. "original": "adnkronos-…", "relation": "translation") or neither.',
      });
    }
  },
};
export default rule;
