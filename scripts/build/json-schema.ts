/**
 * JSON Schema (draft 2020-12) for each collection file, generated from the Zod
 * schemas with `z.toJSONSchema` in input mode, and an Ajv check that the
 * generated schemas are strict, reject `{}`, and accept the real data.
 */
import { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { collections, vocabularyOf, type CollectionInfo } from '../../schemas/index.js';

export const SCHEMA_BASE = 'https://unpkg.com/overseas-police-stations@{version}/dist/schema/';

export type JsonSchema = Record<string, unknown>;

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

export function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajvFormats.default(ajv);
  return ajv;
}

/** Problems found when checking the schemas against the data; empty when all is well. */
export function checkSchemas(schemas: Map<string, JsonSchema>, data: Record<string, unknown[]>): string[] {
  const problems: string[] = [];
  const ajv = newAjv();
  for (const [name, schema] of schemas) {
    let validate;
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      problems.push(`schema/${name}.schema.json does not compile under Ajv 2020 strict mode: ${(error as Error).message}`);
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
