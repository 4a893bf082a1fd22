/**
 * The generated JSON Schemas compiled by Ajv, kept as Ajv's standalone code.
 *
 * Compiling the seven schemas is most of the bundle check's cost (about 0.4 s
 * of a 2 s build on the real data), and their content changes only with the
 * code, not with the data. Ajv can write what it compiled as a module
 * ("standalone code"); that module is stored under node_modules/.cache, named
 * by a hash of the schemas, Ajv's and ajv-formats' versions and the options,
 * and loaded instead of compiling when the same schemas come again. A schema
 * that does not compile is reported as before and nothing is stored.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { cacheDir, writeCacheFile } from '../lib/cache-files.js';

const require = createRequire(import.meta.url);
const OPTIONS = { strict: true, allErrors: true } as const;
const standaloneCode = ((standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule) as unknown as (ajv: Ajv2020, refs: Record<string, string>) => string;

export type JsonSchema = Record<string, unknown>;

export function newAjv(options: { code?: { source: boolean } } = {}) {
  const ajv = new Ajv2020({ ...OPTIONS, ...options });
  ajvFormats.default(ajv);
  return ajv;
}

export const defaultCacheDir = () => cacheDir();

function cacheKey(schemas: ReadonlyMap<string, JsonSchema>): string {
  const versions = ['ajv', 'ajv-formats'].map((p) => (require(`${p}/package.json`) as { version: string }).version);
  return createHash('sha256').update(JSON.stringify([versions, OPTIONS, [...schemas]])).digest('hex').slice(0, 32);
}

export interface Compiled {
  /** A validating function per schema that compiled. */
  validators: Map<string, ValidateFunction>;
  /** Why a schema did not compile, per schema. */
  failures: Map<string, string>;
  /** Whether the functions came from the cache. */
  cached: boolean;
}

/** Compiles every schema (or loads what an earlier run compiled from the same schemas). `cacheDir: null` compiles without a cache. */
export function compileSchemas(schemas: ReadonlyMap<string, JsonSchema>, cacheDir: string | null = defaultCacheDir()): Compiled {
  const file = cacheDir === null ? undefined : join(cacheDir, `ajv-${cacheKey(schemas)}.cjs`);
  if (file && existsSync(file)) {
    try {
      const module = load(readFileSync(file, 'utf8'));
      if ([...schemas.keys()].every((name) => typeof module[name] === 'function')) {
        return { validators: new Map([...schemas.keys()].map((name) => [name, module[name]!])), failures: new Map(), cached: true };
      }
    } catch {
      // A damaged cache file: compile again and replace it.
    }
  }

  const ajv = newAjv({ code: { source: true } });
  const validators = new Map<string, ValidateFunction>();
  const failures = new Map<string, string>();
  for (const [name, schema] of schemas) {
    try {
      validators.set(name, ajv.compile(schema));
    } catch (error) {
      failures.set(name, (error as Error).message);
    }
  }
  if (file && failures.size === 0) writeCacheFile(file, standaloneCode(ajv, Object.fromEntries([...schemas].map(([name, schema]) => [name, String(schema.$id)]))));
  return { validators, failures, cached: false };
}

/**
 * Runs stored standalone code as a CommonJS module whose `require` is this
 * module's, so that the Ajv runtime and ajv-formats it names resolve from the
 * project wherever the cache lives (Ajv itself compiles with `new Function`).
 */
function load(code: string): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  return module.exports;
}
