/** A work cited by the dataset: article, report, official document, web page. */
import { z } from 'zod';
import { Id, LanguageCode, PartialDate, ref, Text, Url } from './primitives.js';
import { ReadStatus, Reliability, SourceKind, SourceRelation } from './vocabulary.js';

/** An author as credited: a person split into family and given names, or an organisation (or an unsplittable name) kept literal. */
export const Author = z
  .union([
    z.strictObject({
      family: Text.describe('Family name, as credited.'),
      given: Text.optional().describe('Given names or initials, as credited.'),
    }),
    z.strictObject({ literal: Text.describe('An organisation, or a name that cannot be split, as credited.') }),
  ])
  .describe('An author: `{family, given}` for a person, `{literal}` for an organisation.');
export type Author = z.infer<typeof Author>;

export const Source = z
  .strictObject({
    id: Id.describe('Stable identifier of the source, lowercase kebab-case.'),
    kind: SourceKind,
    title: Text.optional().describe('The headline exactly as published, in its language; absent where no headline was read (then `description`).'),
    title_en: Text.optional().describe('An English rendering of the headline, the project’s unless the notes say otherwise.'),
    description: Text.optional().describe('What the work is, in the project’s words; required when there is no `title`, and printed in brackets by the citation exports.'),
    publisher: Text.describe('Outlet, organisation or body that published it.'),
    authors: z.array(Author).describe('Authors as credited; empty when none is shown.'),
    date: PartialDate.optional().describe('Publication date, to the precision known.'),
    date_note: Text.optional().describe('How the date was established, where it is not printed on the source.'),
    url: Url.describe('Where the source can be read.'),
    accessed: PartialDate.optional().describe('The day the project last read the source at `url`.'),
    read: ReadStatus.optional(),
    language: LanguageCode.describe('Language the source is written in.'),
    reliability: Reliability,
    original: ref('sources').optional().describe('Id of the original source that this one translates, syndicates, summarises or reposts.'),
    relation: SourceRelation.optional().describe('How this source relates to its original; required with `original`.'),
    seed: Text.optional().describe('File name of the seed article in the project’s starting material that this source is.'),
    notes: Text.optional().describe('Caveats about the source: what could not be read, known errors.'),
  })
  .describe('A work cited by the dataset.');
export type Source = z.infer<typeof Source>;
