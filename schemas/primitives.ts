/**
 * Building blocks shared by every record type: identifiers, partial dates,
 * country and language codes, citations and attributed claims.
 */
import { z } from 'zod';
import { VerificationStatus } from './vocabulary.js';

/** The collections of the dataset, in the order they are documented and built. */
export const COLLECTION_NAMES = [
  'sources',
  'actors',
  'stations',
  'agreements',
  'statements',
  'figures',
  'events',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** Lowercase kebab-case, starting with a letter: `it-prato-fuzhou`. */
export const ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

/** A new id schema each call, so that a reference gets a definition of its own. */
const idSchema = () =>
  z
    .string()
    .regex(new RegExp(ID_PATTERN), { message: 'must be lowercase kebab-case, starting with a letter' })
    .max(80);

export const Id = idSchema();

/**
 * Where a string field references a record of another collection, the schema
 * remembers which one. The linter uses this to resolve references; the build
 * uses it for foreign keys. Kept outside Zod's metadata so the JSON Schema
 * stays plain.
 */
/* Keyed on the schema's definition object, which Zod shares between a schema
 * and the copies that `.describe()` makes. */
const referenceTargets = new WeakMap<object, CollectionName>();

export function ref(collection: CollectionName) {
  const schema = idSchema().describe(`Id of a record in ${collection}.`);
  referenceTargets.set(schema._zod.def, collection);
  return schema;
}

export function referenceTarget(schema: z.ZodType): CollectionName | undefined {
  return referenceTargets.get(schema._zod.def);
}

/*
 * A real calendar date, to year, month or day precision. The leap-year rule is
 * written into the pattern (rather than a Zod refinement) so that the JSON
 * Schema rejects `2022-02-30` exactly as Zod does.
 */
const LEAP_DAY = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29';
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
export const PARTIAL_DATE_PATTERN = `^(?:\\d{4}|\\d{4}-(?:0[1-9]|1[0-2])|\\d{4}-${MONTH_DAY}|${LEAP_DAY})$`;

export const PartialDate = z
  .string()
  .regex(new RegExp(PARTIAL_DATE_PATTERN, 'u'), {
    message: 'must be a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .describe('A date to year (YYYY), month (YYYY-MM) or day (YYYY-MM-DD) precision; always a real calendar date.');

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as IT or CN' })
  .describe('ISO 3166-1 alpha-2 country code, upper case (IT, CN, US).');

/** BCP 47 primary language subtag, optionally with a script or region: `it`, `zh-Hans`, `en`. */
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, { message: 'must be a BCP 47 tag such as en, it or zh-Hans' })
  .describe('BCP 47 language tag: en, it, zh-Hans, fr.');

/** The longest URL accepted; browsers and citation managers handle far less reliably beyond it. */
export const MAX_URL_LENGTH = 2_000;

export const Url = z
  .string()
  .max(MAX_URL_LENGTH, { message: `is longer than ${MAX_URL_LENGTH} characters` })
  .regex(/^https?:\/\/[^\s]+$/, { message: 'must be an absolute http(s) URL' })
  .describe('Absolute http or https URL.');

/** The longest text a field may hold; longer is almost certainly a pasting mistake. */
export const MAX_TEXT_LENGTH = 10_000;

/** Non-empty text without leading or trailing white space, at most MAX_TEXT_LENGTH characters. */
export const Text = z
  .string()
  .min(1)
  .max(MAX_TEXT_LENGTH, { message: `is longer than ${MAX_TEXT_LENGTH} characters; store a short excerpt, not a whole document` })
  .regex(/^\S(?:[\s\S]*\S)?$/, { message: 'must not be empty or start or end with white space' });

/** A name in its original script, with the language it is written in. */
export const OriginalName = z
  .strictObject({
    text: Text.describe('The name as written in the original script.'),
    language: LanguageCode,
  })
  .describe('A name in its original script.');

/** The common citation shape: which source supports a record, where in it, and in its words. */
export const Citation = z
  .strictObject({
    source: ref('sources').describe('Id of the cited source record.'),
    locator: Text.optional().describe('Where in the source: page, paragraph, section, table row.'),
    excerpt: Text.optional().describe(
      'A short verbatim excerpt of the supporting passage, in the language of the source that was read (the `via` source where there is one).',
    ),
    via: ref('sources')
      .optional()
      .describe('Id of the source that was read and reports the cited work, where the cited work itself was not read ("as reported by").'),
  })
  .describe('A citation of one source: its id, optionally a locator, a short verbatim excerpt and the source it is known through.');
export type Citation = z.infer<typeof Citation>;

export const Citations = z.array(Citation).min(1).describe('The sources that support this, at least one.');

/** Marks one of several conflicting versions as the one the project prefers, and why. */
export const Preferred = z
  .strictObject({
    reason: Text.describe('Why this version is preferred over the others.'),
  })
  .describe('Present when this version is preferred over conflicting ones; says why.');

/**
 * An attributed claim: a value, who claims it and where it was reported.
 * Every contested field of every record type is a list of claims, so that
 * conflicting versions are kept side by side, each with its own sources.
 */
export function claim<T extends z.ZodType>(value: T, what: string) {
  return z
    .strictObject({
      value: value.describe(what),
      claimed_by: ref('actors').optional().describe('Id of the actor who makes this claim, where it is not the source itself.'),
      sources: Citations,
      preferred: Preferred.optional(),
      note: Text.optional().describe('Context for this version: how it differs from the others, caveats.'),
    })
    .describe(`An attributed claim: ${what}`);
}

/** A list of claims; empty means no source establishes the value. */
export function claims<T extends z.ZodType>(value: T, what: string) {
  return z
    .array(claim(value, what))
    .describe(`${what} Each version is kept with its sources; an empty list means no source establishes it.`);
}

/** An interval of partial dates; either end may be open. */
export const Period = z
  .strictObject({
    start: PartialDate.optional().describe('First day, month or year of the period.'),
    end: PartialDate.optional().describe('Last day, month or year of the period; absent while it continues or is unknown.'),
  })
  .describe('A period between two partial dates; either end may be absent.');

/** The outcome of checking a record against readable copies of its sources. */
export const Verification = z
  .strictObject({
    status: VerificationStatus,
    checked: PartialDate.describe('When the record was last checked against its sources.'),
    note: Text.optional().describe('What was corrected, or what could not be read and why; required when unverifiable.'),
  })
  .describe('Whether and when the record was checked against readable copies of its sources, and with what result.');
