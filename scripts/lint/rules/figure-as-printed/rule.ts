import type { RecordRule } from '../rule.js';
import { UNTIL_VERIFIED } from '../transition.js';

const rule: RecordRule = {
  name: 'figure-as-printed',
  scope: 'record',
  collections: ['figures'],
  check: 'as-printed',
  description: 'A figure that is not an exact count keeps the wording the source prints (`as_printed`), so no reader takes a rounded figure for an exact one.',
  run(f, ctx) {
    if (typeof f.qualifier === 'string' && f.qualifier !== 'exact' && f.as_printed === undefined) {
      ctx.report(['as_printed'], `the figure is "${f.qualifier}" but does not say how the source prints it`, {
        level: UNTIL_VERIFIED,
        expected: 'as_printed, e.g. "€12.7bn" or "circa 300mila"',
        tip: 'Copy the figure exactly as printed into as_printed; use qualifier "exact" only for a count the source states exactly.',
      });
    }
  },
};
export default rule;
