/**
 * The fixtures beside each rule: `pass.json` and `fail.json`, each a JSON
 * array of cases. A case gives the records of the collections it needs (the
 * others are empty) and, in fail.json, every problem the rule must report:
 *
 *   [{ "name": "what the case shows",
 *      "data": { "sources": [{ "id": "a", "original": "a" }] },
 *      "expect": [{ "file": "data/sources.json", "id": "a", "path": "/0/original" }] }]
 *
 * `expect` entries may add "check" (default: the rule's) and "level" (default: error).
 * The rule must report exactly these problems, and nothing for a pass case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionName } from '../../../schemas/primitives.js';
import type { Level } from '../problems.js';

export interface ExpectedProblem {
  file: string;
  id?: string;
  path: string;
  check?: string;
  level?: Level;
}

export interface FixtureCase {
  name: string;
  data: Partial<Record<CollectionName, unknown[]>>;
  expect?: ExpectedProblem[];
}

export function readFixtures(rulesDir: string, rule: string, kind: 'pass' | 'fail'): FixtureCase[] {
  return JSON.parse(readFileSync(join(rulesDir, rule, `${kind}.json`), 'utf8')) as FixtureCase[];
}
