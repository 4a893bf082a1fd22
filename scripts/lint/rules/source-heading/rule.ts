import type { RecordRule } from '../rule.js';

/** Notes that admit the title is not the published headline. */
const NOT_A_HEADLINE = /title (is a description|reconstructed|rebuilt|taken from the (page )?address|truncated)/i;

const rule: RecordRule = {
  name: 'source-heading',
  scope: 'record',
  collections: ['sources'],
  check: 'source-title',
  description: 'A source has its headline as published in `title`, or a `description` where no headline was read; never a description posing as a title.',
  run(s, ctx) {
    if (s.title === undefined && s.description === undefined) {
      ctx.report([], 'the source has neither a title nor a description', {
        expected: '`title` (the headline as published) or `description`',
        tip: 'Copy the headline verbatim from the page into title; if no headline could be read, describe the work in description instead.',
      });
    }
    if (typeof s.title === 'string' && typeof s.notes === 'string' && NOT_A_HEADLINE.test(s.notes)) {
      ctx.report(['title'], 'the notes say this title is not the published headline', {
        tip: 'Move it to description (the exports print it in brackets), or replace it with the headline read on the page and update the notes.',
      });
    }
    if (s.title_en !== undefined && s.title === undefined) {
      ctx.report(['title_en'], '`title_en` renders a headline, but the source has no title', { tip: 'Remove title_en, or add the headline as published in title.' });
    }
  },
};
export default rule;
