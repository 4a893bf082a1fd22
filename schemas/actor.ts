/** A person, organisation, government body or police bureau named by the sources. */
import { z } from 'zod';
import { Citations, CountryCode, Id, OriginalName, ref, Text } from './primitives.js';
import { ActorKind } from './vocabulary.js';

export const Actor = z
  .strictObject({
    id: Id.describe('Stable identifier of the actor, lowercase kebab-case.'),
    name: Text.describe('Name as usually written in English-language sources; initials only for private persons identified so.'),
    name_original: OriginalName.optional().describe('Name in the original script, where it exists.'),
    kind: ActorKind,
    country: CountryCode.optional().describe('Country the actor belongs to; absent for international bodies.'),
    role: Text.describe('Role or office relevant to this dataset, with dates where the sources give them.'),
    member_of: ref('actors').optional().describe('Id of the organisation or body the actor belongs to or works for.'),
    sources: Citations,
  })
  .describe('A person or body named in the sources.');
export type Actor = z.infer<typeof Actor>;
