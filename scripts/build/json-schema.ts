/**
 * JSON Schema (draft 2020-12) for each collection file, generated from the Zod
 * schemas with `z.toJSONSchema` in input mode, and an Ajv check that the
 * generated schemas are strict, reject `{}`, and accept the real data.
 */
import { z } from 'zod';
import { compileSchemas, newAjv, type JsonSchema } from './ajv-cache.js';
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

/** Problems found when checking the schemas against the data; empty when all is well. */
export function checkSchemas(schemas: Map<string, JsonSchema>, data: Record<string, unknown[]>, cacheDir?: string | null): string[] {
  const problems: string[] = [];
  const { validators, failures } = compileSchemas(schemas, cacheDir);
  for (const name of schemas.keys()) {
    const validate = validators.get(name);
    if (!validate) {
      problems.push(`schema/${name}.schema.json does not compile under Ajv 2020 strict mode: ${failures.get(name)}`);
      continue;
    }
    if (validate([{}])) problems.push(`schema/${name}.schema.json accepts an empty record {}; it constrains nothing`);
    if (!validate(data[name])) {
      const first = validate.errors?.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`).join('; ');
      problems.push(`schema/${name}.schema.json rejects records that Zod accepted (${first}); the two contracts disagree`);
    }
  }
  return problems;
}
