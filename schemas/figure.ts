/** A number that circulates, attributed to whoever claims it. */
import { z } from 'zod';
import { Citations, CountryCode, Id, Period, PartialDate, Preferred, ref, Text, Verification } from './primitives.js';
import { Qualifier, TimeBasis, Unit } from './vocabulary.js';

export const MEASURE_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

export const Figure = z
  .strictObject({
    id: Id.describe('Stable identifier of this claimed value.'),
    measure: z
      .string()
      .max(80)
      .regex(new RegExp(MEASURE_PATTERN), { message: 'must be a lowercase kebab-case measure key' })
      .describe('What is measured; figures with the same measure and scope are versions of one number and may conflict.'),
    value: z.number().describe('The number in base units (12.7bn euros is 12700000000).'),
    unit: Unit,
    qualifier: Qualifier,
    scope: z
      .strictObject({
        country: CountryCode.optional().describe('Country the figure is about; absent for worldwide figures.'),
        city: Text.optional().describe('City the figure is about, where it counts one city.'),
        bureau: ref('actors').optional().describe('Id of the Chinese police bureau whose stations or cases are counted, where the figure is about one bureau.'),
        description: Text.describe('What exactly is counted, in a phrase.'),
      })
      .describe('What the figure covers.'),
    period: Period.optional().describe('The period the figure refers to.'),
    as_of: PartialDate.optional().describe('The date the figure refers to, for a count at one moment.'),
    time_basis: TimeBasis.optional().describe('Whether `period` or `as_of` is stated by the source or inferred; required with either.'),
    stated_on: PartialDate.optional().describe('When the claim was made or published.'),
    claimed_by: ref('actors').describe('Id of the actor who asserts the number (a ministry, an NGO, an outlet for its own reading).'),
    reported_by: ref('actors').optional().describe('Id of the outlet or NGO that relays another actor’s number, where it is not the claimant.'),
    as_printed: Text.optional().describe('The figure exactly as the source prints it ("€12.7bn", "more than 100"); required unless the qualifier is `exact`.'),
    preferred: Preferred.optional(),
    note: Text.optional().describe('Conflicts with other versions, scope differences, caveats.'),
    sources: Citations,
    verification: Verification.optional(),
  })
  .describe('A claimed value of a measure. Conflicting values share a measure key and are kept side by side.');
export type Figure = z.infer<typeof Figure>;
