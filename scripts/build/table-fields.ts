/**
 * The shape of a CSV table declaration and the builders its fields are made
 * with. One declaration drives the CSV writer, the Frictionless Table Schema,
 * the data dictionary and the other tabular formats.
 */
import type { z } from 'zod';
import { ID_PATTERN, PARTIAL_DATE_PATTERN } from '../../schemas/primitives.js';
import type { CollectionName } from '../../schemas/primitives.js';
import * as V from '../../schemas/vocabulary.js';
import type { Dataset } from './dataset.js';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean';
export type Cell = string | number | boolean | undefined;
export type Row = Record<string, Cell>;

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  unique?: boolean;
  enum?: readonly string[];
  pattern?: string;
  format?: 'uri';
  minimum?: number;
  maximum?: number;
  /** Name of the table whose `id` this field references. */
  references?: string;
  /**
   * The cell holds several values joined with LIST_SEPARATOR (Frictionless `list`
   * type; a convenience copy of a link table where one exists). Every item is text.
   */
  joined?: boolean;
}

export interface Table {
  name: string;
  /** The collection whose records make the rows: the table is written when that collection is built. */
  collection: CollectionName;
  title: string;
  description: string;
  primaryKey: string[];
  fields: Field[];
  rows(data: Dataset): Row[];
}

/** What separates the items of a list cell. No item may contain it (see list-cells.ts). */
export const LIST_SEPARATOR = '; ';

/** Thrown when an item of a list cell holds the separator; list-cells.ts reports such data first, with file and path. */
export class ListCellError extends Error {
  constructor(readonly item: string) {
    super(`a list item holds the list separator "${LIST_SEPARATOR}": ${JSON.stringify(item.slice(0, 200))}`);
  }
}

/** Items joined into one list cell; undefined for an empty list. */
export function join(list: readonly string[] | undefined): string | undefined {
  if (!list || !list.length) return undefined;
  for (const item of list) if (item.includes(LIST_SEPARATOR)) throw new ListCellError(item);
  return list.join(LIST_SEPARATOR);
}

export const values = (schema: z.ZodType) => Object.keys(V.vocabularyOf(schema)!.terms);

export const id = (description: string): Field => ({ name: 'id', type: 'string', description, required: true, unique: true, pattern: ID_PATTERN });
export const text = (name: string, description: string, required = false): Field => ({ name, type: 'string', description, required });
export const date = (name: string, description: string, required = false): Field => ({ name, type: 'string', description, required, pattern: PARTIAL_DATE_PATTERN });
export const vocab = (name: string, schema: z.ZodType, description: string, required = true): Field => ({ name, type: 'string', description, required, enum: values(schema) });
export const ref = (name: string, table: string, description: string, required = false): Field => ({ name, type: 'string', description, required, pattern: ID_PATTERN, references: table });
export const list = (name: string, description: string): Field => ({ name, type: 'string', description: `${description} Several values are separated by "${LIST_SEPARATOR}".`, joined: true });
export const bool = (name: string, description: string): Field => ({ name, type: 'boolean', description, required: true });
export const seq = (description = 'Position within the record, from 1.'): Field => ({ name: 'seq', type: 'integer', description, required: true, minimum: 1 });
export const url = (name: string, description: string, required = false): Field => ({ name, type: 'string', format: 'uri', description, required });
