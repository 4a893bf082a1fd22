/** A dated entry of the timeline that belongs to no single station or agreement. */
import { z } from 'zod';
import { Citations, CountryCode, Id, PartialDate, ref, Text, Verification } from './primitives.js';
import { EventKind } from './vocabulary.js';

export const Event = z
  .strictObject({
    id: Id.describe('Stable identifier of the event.'),
    date: PartialDate.describe('When it happened.'),
    end: PartialDate.optional().describe('Last day, for events that span days.'),
    kind: EventKind,
    country: CountryCode.optional().describe('Country where it happened or whose government acted.'),
    title: Text.describe('What happened, in a line.'),
    description: Text.optional().describe('More detail, attributed.'),
    actors: z.array(ref('actors')).describe('Ids of the actors involved.'),
    stations: z.array(ref('stations')).optional().describe('Ids of stations concerned.'),
    agreements: z.array(ref('agreements')).optional().describe('Ids of agreements concerned.'),
    sources: Citations,
    verification: Verification.optional(),
  })
  .describe('A dated event of the timeline: reports, government responses, prosecutions.');
export type Event = z.infer<typeof Event>;
