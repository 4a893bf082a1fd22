import type { RecordRule } from '../rule.js';

const primary = (tag: unknown) => (typeof tag === 'string' ? tag.split('-')[0] : undefined);

const rule: RecordRule = {
  name: 'text-translation',
  scope: 'record',
  collections: ['statements'],
  check: 'text-translation',
  description: 'Where the printed words are a translation of what the speaker said, the statement says who translated them.',
  run(s, ctx) {
    const translated = s.spoken_language !== undefined && primary(s.spoken_language) !== primary(s.language);
    if (translated && s.text_translation === undefined) {
      ctx.report(['text_translation'], `the speaker spoke "${String(s.spoken_language)}" but the text is in "${String(s.language)}": the printed words are a translation, and the record does not say whose`, {
        expected: 'text_translation { kind: "outlet" | "machine" | "project", by?: actor id }',
        tip: 'If the outlet translated the words, add "text_translation": { "kind": "outlet", "by": "<outlet id>" }; cite the original-language wording in a statement of its own where it can be read.',
      });
    }
    if (!translated && s.text_translation !== undefined) {
      ctx.report(['text_translation'], 'text_translation is given, but the text is in the language the speaker used', { tip: 'Set spoken_language to the language actually spoken, or remove text_translation.' });
    }
    const t = s.text_translation as { kind?: unknown; by?: unknown } | null | undefined;
    if (t && typeof t === 'object' && t.kind === 'outlet' && t.by === undefined) {
      ctx.report(['text_translation', 'by'], 'an outlet translated the words, but which outlet is not said', { level: 'warning', tip: 'Add by: the id of the outlet that printed the translation.' });
    }
  },
};
export default rule;
