import type { RecordRule } from '../rule.js';

const rule: RecordRule = {
  name: 'translation',
  scope: 'record',
  collections: ['statements'],
  check: 'translation',
  description: 'A statement not in English has an English translation, and says who translated it.',
  run(s, ctx) {
    if (typeof s.language === 'string' && !s.language.startsWith('en') && s.translation_en === undefined) {
      ctx.report(['translation_en'], `the text is in "${s.language}" but has no English translation`, { tip: 'Add translation_en, and translation_by: "source" or "project".' });
    }
    if ((s.translation_en === undefined) !== (s.translation_by === undefined)) {
      ctx.report(['translation_by'], '`translation_en` and `translation_by` go together', { tip: 'Say who translated: "source" (a cited source prints it) or "project".' });
    }
  },
};
export default rule;
