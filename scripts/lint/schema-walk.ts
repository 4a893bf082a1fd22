/**
 * Walks a Zod schema alongside a value: finds the references a record makes
 * and the keys an object allows. Only the constructs the dataset's schemas
 * use are handled: objects, arrays, optionals, unions of literals, scalars.
 */
import type { z } from 'zod';
import { referenceTarget, type CollectionName } from '../../schemas/primitives.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
}

const def = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** Strips optional, nullable, default and readonly wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') && d.innerType) {
      current = d.innerType;
    } else {
      return current;
    }
  }
}

/** The schema that applies at a path below `schema`, if the path stays inside known structure. */
export function schemaAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const d = def(unwrap(current));
    if (d.type === 'object' && d.shape) current = d.shape[String(segment)];
    else if (d.type === 'array' && d.element) current = d.element;
    else return undefined;
  }
  return current;
}

/** The keys an object schema allows. */
export function allowedKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const d = def(unwrap(schema));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

export interface Reference {
  path: Array<string | number>;
  collection: CollectionName;
  id: string;
}

type Visit = (collection: CollectionName, id: string) => void;
type Walker = (value: unknown, visit: Visit) => void;
const walkers = new WeakMap<z.ZodType, Walker | null>();

/** A function that visits the references in a value, compiled once per schema; null when the schema holds none. */
function compileWalker(schema: z.ZodType): Walker | null {
  if (walkers.has(schema)) return walkers.get(schema)!;
  let walker: Walker | null = null;
  const inner = unwrap(schema);
  const target = referenceTarget(schema) ?? referenceTarget(inner);
  const d = def(inner);
  if (target) {
    walker = (value, visit) => {
      if (typeof value === 'string') visit(target, value);
    };
  } else if (d.type === 'object' && d.shape) {
    const children = Object.entries(d.shape)
      .map(([key, child]) => [key, compileWalker(child)] as const)
      .filter((entry): entry is readonly [string, Walker] => entry[1] !== null);
    if (children.length) {
      walker = (value, visit) => {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return;
        for (const [key, child] of children) {
          const v = (value as Record<string, unknown>)[key];
          if (v !== undefined) child(v, visit);
        }
      };
    }
  } else if (d.type === 'array' && d.element) {
    const element = compileWalker(d.element);
    if (element) {
      walker = (value, visit) => {
        if (Array.isArray(value)) for (const item of value) element(item, visit);
      };
    }
  }
  walkers.set(schema, walker);
  return walker;
}

/** Calls `visit` for every reference to another record that `value` makes, according to `schema`. */
export function forEachReference(schema: z.ZodType, value: unknown, visit: Visit): void {
  compileWalker(schema)?.(value, visit);
}

/** Every reference with its path: slower, for reporting a record that has a broken one. */
export function collectReferences(schema: z.ZodType, value: unknown, path: Array<string | number> = [], out: Reference[] = []): Reference[] {
  const target = referenceTarget(unwrap(schema)) ?? referenceTarget(schema);
  if (target) {
    if (typeof value === 'string') out.push({ path, collection: target, id: value });
    return out;
  }
  const d = def(unwrap(schema));
  if (d.type === 'object' && d.shape && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(d.shape)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) collectReferences(child, v, [...path, key], out);
    }
  } else if (d.type === 'array' && d.element && Array.isArray(value)) {
    value.forEach((item, i) => collectReferences(d.element!, item, [...path, i], out));
  }
  return out;
}
