/** A number that circulates, attributed to whoever claims it. */
import { z } from 'zod';
import { Citations, CountryCode, Id, Period, PartialDate, Preferred, ref, Text } from './primitives.js';
import { Qualifier, Unit } from './vocabulary.js';

export const MEASURE_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

export const Figure = z
  .strictObject({
    id: Id.describe('Stable identifier of this claimed value.'),
    measure: z
      .string()
      .regex(new RegExp(MEASURE_PATTERN), { message: 'must be a lowercase kebab-case measure key' })
      .describe('What is measured; figures with the same measure and scope are versions of one number and may conflict.'),
    value: z.number().describe('The number in base units (12.7bn euros is 12700000000).'),
    unit: Unit,
    qualifier: Qualifier,
    scope: z
      .strictObject({
        country: CountryCode.optional().describe('Country the figure is about; absent for worldwide figures.'),
        description: Text.describe('What exactly is counted, in a phrase.'),
      })
      .describe('What the figure covers.'),
    period: Period.optional().describe('The period the figure refers to.'),
    as_of: PartialDate.optional().describe('The date the figure refers to, for a count at one moment.'),
    stated_on: PartialDate.optional().describe('When the claim was made or published.'),
    claimed_by: ref('actors').describe('Id of the actor who claims the number.'),
    as_printed: Text.optional().describe('The figure as the source prints it ("€12.7bn", "more than 100").'),
    preferred: Preferred.optional(),
    note: Text.optional().describe('Conflicts with other versions, scope differences, caveats.'),
    sources: Citations,
  })
  .describe('A claimed value of a measure. Conflicting values share a measure key and are kept side by side.');
export type Figure = z.infer<typeof Figure>;
