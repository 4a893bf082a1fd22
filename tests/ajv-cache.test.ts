/**
 * The compiled JSON Schemas are kept as Ajv standalone code and loaded again
 * for the same schemas: the loaded functions must judge exactly as freshly
 * compiled ones, a damaged file must be replaced, and a schema that does not
 * compile must be reported without anything stored.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchemas } from '../scripts/build/ajv-cache.js';
import { generateSchemas } from '../scripts/build/json-schema.js';

const schemas = generateSchemas('0.0.0');
const scratch = () => mkdtempSync(join(tmpdir(), 'ops-ajv-'));
const samples = [[{}], [], [{ id: 'x' }], 'not an array', [{ id: 'a-b', kind: 'no-such-kind' }]];

describe('compiled schemas from the cache', () => {
  it('are stored once and then loaded, judging every sample as freshly compiled ones do', () => {
    const dir = scratch();
    const first = compileSchemas(schemas, dir);
    expect(first.cached).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
    const second = compileSchemas(schemas, dir);
    expect(second.cached).toBe(true);
    const fresh = compileSchemas(schemas, null);
    for (const name of schemas.keys()) {
      for (const sample of samples) {
        const a = fresh.validators.get(name)!;
        const b = second.validators.get(name)!;
        expect(b(sample)).toBe(a(sample));
        expect(b.errors ?? null).toEqual(a.errors ?? null);
      }
    }
  });

  it('replace a damaged cache file', () => {
    const dir = scratch();
    compileSchemas(schemas, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), 'this is not JavaScript {');
    const again = compileSchemas(schemas, dir);
    expect(again.cached).toBe(false);
    expect(compileSchemas(schemas, dir).cached).toBe(true);
  });

  it('are not stored when a schema does not compile, which is reported', () => {
    const dir = scratch();
    const broken = new Map(schemas);
    broken.set('sources', { $id: 'https://example.org/broken.json', type: 'array', items: { type: 'no-such-type' } });
    const compiled = compileSchemas(broken, dir);
    expect(compiled.failures.get('sources')).toMatch(/type/);
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
