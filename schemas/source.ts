/** A work cited by the dataset: article, report, official document, web page. */
import { z } from 'zod';
import { Id, LanguageCode, PartialDate, ref, Text, Url } from './primitives.js';
import { Reliability, SourceKind, SourceRelation } from './vocabulary.js';

export const Source = z
  .strictObject({
    id: Id.describe('Stable identifier of the source, lowercase kebab-case.'),
    kind: SourceKind,
    title: Text.describe('Title as published (in the language of publication).'),
    publisher: Text.describe('Outlet, organisation or body that published it.'),
    authors: z.array(Text).describe('Authors as credited; empty when none is shown.'),
    date: PartialDate.optional().describe('Publication date, to the precision known.'),
    date_note: Text.optional().describe('How the date was established, where it is not printed on the source.'),
    url: Url.describe('Where the source can be read.'),
    language: LanguageCode.describe('Language the source is written in.'),
    reliability: Reliability,
    original: ref('sources').optional().describe('Id of the original source that this one translates, syndicates, summarises or reposts.'),
    relation: SourceRelation.optional().describe('How this source relates to its original; required with `original`.'),
    seed: Text.optional().describe('File name of the seed article in the project’s starting material that this source is.'),
    notes: Text.optional().describe('Caveats about the source: what could not be read, known errors.'),
  })
  .describe('A work cited by the dataset.');
export type Source = z.infer<typeof Source>;
