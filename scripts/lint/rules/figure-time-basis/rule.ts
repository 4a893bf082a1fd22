import type { RecordRule } from '../rule.js';
import { UNTIL_VERIFIED } from '../transition.js';

const rule: RecordRule = {
  name: 'figure-time-basis',
  scope: 'record',
  collections: ['figures'],
  check: 'time-basis',
  description: 'A figure with a period or as_of date says whether the source states it or the project inferred it, and an inferred one says how.',
  run(f, ctx) {
    const dated = f.period !== undefined || f.as_of !== undefined;
    if (dated && f.time_basis === undefined) {
      ctx.report(['time_basis'], 'the figure has a period or as_of date, but does not say whether the source states it', {
        level: UNTIL_VERIFIED,
        expected: 'time_basis "stated" or "inferred"',
        tip: 'Keep the period only if the source states it ("stated"); if the project worked it out, say "inferred" and explain in note; otherwise remove it.',
      });
    }
    if (!dated && f.time_basis !== undefined) {
      ctx.report(['time_basis'], 'time_basis is given, but the figure has neither a period nor an as_of date', { level: UNTIL_VERIFIED, tip: 'Remove time_basis, or add the period the source states.' });
    }
    if (f.time_basis === 'inferred' && f.note === undefined) {
      ctx.report(['note'], 'the period or date is inferred, but no note says how', { level: UNTIL_VERIFIED, tip: 'Say in note what the inference rests on (e.g. "the report’s publication date").' });
    }
  },
};
export default rule;
