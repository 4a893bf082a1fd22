/** Record-scope check: every record against its collection's Zod schema. */
import type { z } from 'zod';
import type { CollectionInfo } from '../../schemas/index.js';
import { pointer, type Problem } from './problems.js';
import { recordId } from './read-file.js';
import { allowedKeys, schemaAt } from './schema-walk.js';
import { closest } from './similar.js';

/**
 * Up to this many records in a collection, Zod checks them without compiling
 * its fast path: for a few hundred records, generating and optimising that
 * code costs more than it saves (about 40 ms of a 300 ms validate on the real
 * data). Larger collections take the compiled path, which pays for itself.
 */
export const COMPILE_ABOVE = 5_000;

/**
 * `offset`: the index in the file of `records[0]` (when a collection is checked a piece at a time);
 * `collectionSize`: how many records the whole collection has (it decides whether Zod compiles its fast path).
 */
export function checkRecords(info: CollectionInfo, records: readonly unknown[], offset = 0, collectionSize = records.length): { problems: Problem[]; valid: unknown[] } {
  const problems: Problem[] = [];
  const valid: unknown[] = [];
  const context = { jitless: collectionSize <= COMPILE_ABOVE };
  records.forEach((record, index) => {
    const result = info.schema.safeParse(record, context);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    const id = recordId(record);
    for (const issue of result.error.issues) {
      problems.push(describeIssue(info, id, [offset + index], issue));
    }
  });
  return { problems, valid };
}

function describeIssue(info: CollectionInfo, id: string | undefined, prefix: Array<string | number>, issue: z.core.$ZodIssue): Problem {
  const at = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const base = { level: 'error' as const, scope: 'record' as const, check: 'schema', file: info.file, id };
  const where = [...prefix, ...at];
  const fieldSchema = schemaAt(info.schema, at);
  const description = fieldSchema?.description;

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(fieldSchema);
      const key = issue.keys[0]!;
      const guess = closest(key, allowed);
      return {
        ...base,
        path: pointer([...where, key]),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        expected: `only the keys ${allowed.join(', ')}`,
        tip: guess ? `Did you mean "${guess}"?` : 'Unknown keys are errors so that a typo never silently drops data; remove or rename it.',
      };
    }
    case 'invalid_type': {
      const missing = issue.message.includes('received undefined');
      return {
        ...base,
        path: pointer(where),
        message: missing ? `missing required field "${String(at[at.length - 1] ?? '')}"` : `wrong type: ${issue.message.replace(/^Invalid input: /, '')}`,
        expected: issue.expected + (description ? ` (${description})` : ''),
        tip: missing ? 'Every record of this collection needs this field; see docs/data-dictionary.md.' : undefined,
      };
    }
    case 'too_small':
      return {
        ...base,
        path: pointer(where),
        message: issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : issue.message,
        expected: description,
        tip: at[at.length - 1] === 'sources' ? 'Nothing without a source: cite at least one record of data/sources.json.' : undefined,
      };
    case 'too_big':
      if (issue.origin === 'string' && issue.message.startsWith('Too big')) {
        return {
          ...base,
          path: pointer(where),
          message: `is longer than ${String(issue.maximum)} characters`,
          expected: description,
          tip: at[at.length - 1] === 'id' || /Id of/.test(description ?? '') ? 'Ids are short kebab-case names (at most 80 characters).' : 'Shorten it: the data stores short, quotable values.',
        };
      }
      return { ...base, path: pointer(where), message: issue.message.replace(/^Invalid input: /, ''), expected: description };
    default:
      return {
        ...base,
        path: pointer(where),
        message: issue.message.replace(/^Invalid input: /, ''),
        expected: description,
      };
  }
}
