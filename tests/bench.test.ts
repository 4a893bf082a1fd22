import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../scripts/bench/generate.js';
import { collections } from '../schemas/index.js';
import { PROJECT_ROOT } from './helpers/fixture.js';

describe('the benchmark (smoke run; no timing is asserted)', () => {
  it('generates the same schema-valid dataset for the same seed', () => {
    const a = generateDataset(50, 7);
    expect(JSON.stringify(generateDataset(50, 7))).toBe(JSON.stringify(a));
    for (const c of collections) {
      expect(a[c.name]).toHaveLength(50);
      for (const record of a[c.name]!) expect(c.schema.safeParse(record).success, `${c.name} ${JSON.stringify(record).slice(0, 200)}`).toBe(true);
    }
  });

  it('runs at 200 records per collection and prints the table', () => {
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/bench/run.js'), '--sizes', '200', '--runs', '1', '--real-runs', '1', '--no-write'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const row of ['read and parse', 'Zod validation', 'cross-record checks', 'csv', 'datapackage', 'geojson', 'citations', 'full build', 'JSON floor', 'peak RSS']) {
      expect(run.stdout).toContain(`| ${row}`.replace('| full build', '| **full build**'));
    }
    expect(run.stdout).toMatch(/Real dataset, full build including Node start-up \(median of 1\): \*\*[\d.]+ s\*\*/);
    // The libraries and the disk alone, at the largest size: each row with its seconds and its ratio to the floor.
    for (const row of ['JSON floor (parse + stringify)', '`JSON.parse` of each file', 'Zod: each record', 'Ajv: ', '`JSON.stringify` of Zod', 'csv-stringify: every table', 'the disk: the ', 'for comparison, the project']) {
      expect(run.stdout).toMatch(new RegExp(`\\| ${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^|]*\\| [\\d.]+ \\| [\\d.]+× \\|`));
    }
    expect(run.stdout).toMatch(/\| \*\*sum, the floor not included\*\* \| \*\*[\d.]+\*\* \| \*\*[\d.]+×\*\* \|/);
  }, 60_000);
});
