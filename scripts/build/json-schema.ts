/**
 * JSON Schema (draft 2020-12) for each collection file, generated from the Zod
 * schemas with `z.toJSONSchema` in input mode, and an Ajv check that the
 * generated schemas are strict, reject `{}`, and accept the real data.
 */
import { z } from 'zod';
import { newAjv, type JsonSchema } from './ajv-cache.js';
import { collections, vocabularyOf, type CollectionInfo } from '../../schemas/index.js';

export const SCHEMA_BASE = 'https://unpkg.com/overseas-police-stations@{version}/dist/schema/';

export { newAjv, type JsonSchema };

export function collectionSchema(info: CollectionInfo, version: string): JsonSchema {
  const body = z.toJSONSchema(z.array(info.schema), { io: 'input', target: 'draft-2020-12', override: describeVocabularyValues }) as JsonSchema;
  const { $schema, ...rest } = body;
  return {
    $schema,
    $id: `${SCHEMA_BASE.replace('{version}', version)}${info.name}.schema.json`,
    title: `${info.title} (overseas-police-stations ${version})`,
    description: `The file data/${info.name}.json: an array of ${info.record} records sorted by id. ${info.description}`,
    ...rest,
  };
}

/** Writes each vocabulary as an `anyOf` of described constants, so every value's meaning is in the schema. */
function describeVocabularyValues(ctx: { zodSchema: z.core.$ZodType; jsonSchema: Record<string, unknown> }) {
  const info = vocabularyOf(ctx.zodSchema as z.ZodType);
  if (!info) return;
  delete ctx.jsonSchema.enum;
  delete ctx.jsonSchema.type;
  ctx.jsonSchema.anyOf = Object.entries(info.terms).map(([value, description]) => ({ type: 'string', const: value, description }));
}

export function generateSchemas(version: string): Map<string, JsonSchema> {
  return new Map(collections.map((c) => [c.name, collectionSchema(c, version)]));
}
