/** An agreement between states or police bodies. */
import { z } from 'zod';
import { Citations, claims, Id, OriginalName, PartialDate, Period, ref, Text, Verification } from './primitives.js';
import { AgreementEventKind, AgreementKind, AgreementStatus } from './vocabulary.js';

export const Signing = z
  .strictObject({
    date: PartialDate.optional().describe('Date of signing.'),
    place: Text.optional().describe('Where it was signed.'),
    signatories: z.array(ref('actors')).describe('Ids of the people who signed; empty where not stated.'),
    witnesses: z.array(ref('actors')).optional().describe('Ids of officials said to be present, not signing.'),
  })
  .describe('When, where and by whom an agreement was signed.');

export const AgreementEvent = z
  .strictObject({
    date: PartialDate.describe('When it happened (the start, for a period).'),
    end: PartialDate.optional().describe('Last day of the event, for a period such as a patrol edition.'),
    kind: AgreementEventKind,
    description: Text.describe('What happened, in the project’s words, attributed.'),
    places: z.array(Text).optional().describe('Cities where it took place.'),
    actors: z.array(ref('actors')).optional().describe('Ids of the actors involved.'),
    sources: Citations,
  })
  .describe('A dated event under an agreement: a patrol edition, a suspension, an end.');

export const Agreement = z
  .strictObject({
    id: Id.describe('Stable identifier of the agreement.'),
    title: Text.describe('Title in English (the project’s rendering where no official one exists).'),
    title_original: z.array(OriginalName).optional().describe('Titles in the parties’ languages, as published.'),
    kind: AgreementKind,
    parties: z.array(ref('actors')).min(1).describe('Ids of the states or bodies that are parties.'),
    subject: Text.describe('What the agreement covers.'),
    signing: claims(Signing, 'When, where and by whom it was signed.'),
    in_force: z.array(Period.extend({ sources: Citations })).describe('Periods in which it was applied.'),
    status: z
      .strictObject({
        value: AgreementStatus,
        as_of: PartialDate.describe('Date of the latest source that supports the status.'),
        sources: Citations,
      })
      .describe('Where the agreement stands, as of a date.'),
    events: z.array(AgreementEvent).describe('Dated events under the agreement, in date order.'),
    notes: Text.optional(),
    sources: Citations,
    verification: Verification.optional(),
  })
  .describe('An agreement between states or police bodies.');
export type Agreement = z.infer<typeof Agreement>;
