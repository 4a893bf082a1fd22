/**
 * The id registry: which ids have been released (and so may never disappear or
 * change meaning), and which have been retired (and so may never be reused).
 * Kept in data/ids/; both files are optional for a dataset that has never been released.
 */
import { z } from 'zod';
import { COLLECTION_NAMES, Id, Text } from './primitives.js';

const Version = z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a semantic version such as 0.1.0' });

export const ReleasedIds = z
  .strictObject({
    version: Version.describe('The release that these ids were first published in, or the latest release.'),
    ids: z.strictObject(Object.fromEntries(COLLECTION_NAMES.map((c) => [c, z.array(Id)])) as Record<(typeof COLLECTION_NAMES)[number], z.ZodArray<typeof Id>>),
  })
  .describe('Every id published in a release, by collection.');
export type ReleasedIds = z.infer<typeof ReleasedIds>;

export const RetiredId = z
  .strictObject({
    collection: z.enum(COLLECTION_NAMES),
    id: Id.describe('The retired id; it is never used again.'),
    retired_in: Version.describe('The release in which the id was retired.'),
    replaced_by: Id.optional().describe('The live id that now holds this record, if it was renamed or merged; never itself retired.'),
    reason: Text.describe('Why the id was retired.'),
  })
  .describe('A released id that was withdrawn, with where its record went.');
export const RetiredIds = z.array(RetiredId);
export type RetiredId = z.infer<typeof RetiredId>;
