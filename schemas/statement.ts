/** What someone said, verbatim as the cited source prints it. */
import { z } from 'zod';
import { Citations, Id, LanguageCode, PartialDate, ref, Text, Verification } from './primitives.js';
import { SettingKind, Stance, StatementForm, TextTranslationKind, TranslationBy } from './vocabulary.js';

export const Statement = z
  .strictObject({
    id: Id.describe('Stable identifier of the statement.'),
    speaker: ref('actors').describe('Id of the actor who spoke.'),
    date: PartialDate.describe('When it was said, to the precision known.'),
    date_note: Text.optional().describe('How the date was established where the source leaves it open.'),
    setting: z
      .strictObject({
        kind: SettingKind,
        outlet: ref('actors').optional().describe('Id of the outlet or body addressed (interviewer, parliament).'),
        description: Text.describe('Where it was said, in a phrase.'),
      })
      .describe('Where or how it was said.'),
    form: StatementForm,
    text: Text.describe('The words, verbatim as the cited source prints them, in that language.'),
    language: LanguageCode.describe('Language of `text` as printed by the source.'),
    spoken_language: LanguageCode.optional().describe('Language the speaker used, where the source prints a translation.'),
    text_translation: z
      .strictObject({
        kind: TextTranslationKind,
        by: ref('actors').optional().describe('Id of the outlet or person who translated, where known.'),
      })
      .optional()
      .describe('Present when `text` is itself a translation of the words spoken: who translated them.'),
    translation_en: Text.optional().describe('English translation where `text` is not English.'),
    translation_by: TranslationBy.optional(),
    stance: Stance,
    about: z
      .strictObject({
        stations: z.array(ref('stations')).optional().describe('Ids of the stations it is about.'),
        agreements: z.array(ref('agreements')).optional().describe('Ids of the agreements it is about.'),
        figures: z.array(ref('figures')).optional().describe('Ids of the figures it states or disputes.'),
        actors: z.array(ref('actors')).optional().describe('Ids of the governments, bodies or people it is about.'),
      })
      .describe('What the statement is about.'),
    context: Text.optional().describe('What the statement answered or referred to, in the project’s words.'),
    sources: Citations,
    verification: Verification.optional(),
  })
  .describe('What someone said, verbatim as the cited source prints it, attributed and dated.');
export type Statement = z.infer<typeof Statement>;
