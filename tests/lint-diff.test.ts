/** `npm run diff`: one fixture change for each level of the versioning policy, and the version-bump check. */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bumpLevel, diffData } from '../scripts/lib/data-diff.js';
import { fixture, type Fixture, PROJECT_ROOT } from './helpers/fixture.js';

function repo(version = '0.1.0') {
  const f = fixture();
  writeFileSync(join(f.root, 'package.json'), JSON.stringify({ name: 'x', version }) + '\n');
  const git = (...args: string[]) => execFileSync('git', ['-C', f.root, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('tag', 'v0.1.0');
  return f;
}
const cli = (f: Fixture, ...args: string[]) => spawnSync(process.execPath, [join(PROJECT_ROOT, 'lib/scripts/diff.js'), '--root', f.root, ...args], { encoding: 'utf8' });

describe('data diff levels', () => {
  it('nothing changed: none', () => {
    expect(diffData(repo().root, 'v0.1.0').level).toBe('none');
  });

  it('a corrected value: patch, with the field and both values', () => {
    const f = repo().edit('stations', (r) => (r[0].status.value = 'closure-ordered'));
    const d = diffData(f.root, 'v0.1.0');
    expect(d.level).toBe('patch');
    const stations = d.collections.find((c) => c.name === 'stations')!;
    expect(stations.changed).toEqual([{ id: 'it-example-city', fields: [{ path: 'status.value', before: 'closed', after: 'closure-ordered' }] }]);
  });

  it('a new record: minor', () => {
    const f = repo().edit('actors', (r) => r.push({ ...r[2], id: 'zz-new' }));
    const d = diffData(f.root, 'v0.1.0');
    expect(d.level).toBe('minor');
    expect(d.collections.find((c) => c.name === 'actors')!.added).toEqual(['zz-new']);
  });

  it('a new field: minor', () => {
    const f = repo().edit('actors', (r) => (r[0].website = 'https://example.org'));
    expect(diffData(f.root, 'v0.1.0').collections.find((c) => c.name === 'actors')!.shape).toEqual([{ level: 'minor', text: 'new field "website"' }]);
  });

  it('a removed record: major', () => {
    const f = repo().edit('events', (r) => r.splice(0, 1));
    const d = diffData(f.root, 'v0.1.0');
    expect(d.level).toBe('major');
    expect(d.collections.find((c) => c.name === 'events')!.removed).toEqual(['example-report-2022-12-05']);
  });

  it('a field gone from every record, or retyped: major', () => {
    const gone = repo().edit('actors', (r) => r.forEach((a) => delete a.kind));
    expect(diffData(gone.root, 'v0.1.0').level).toBe('major');
    const retyped = repo().edit('figures', (r) => r.forEach((x) => (x.value = String(x.value))));
    const d = diffData(retyped.root, 'v0.1.0');
    expect(d.level).toBe('major');
    expect(d.collections.find((c) => c.name === 'figures')!.shape[0]!.text).toContain('changed type (number → string)');
  });
});

describe('the version bump check', () => {
  it.each([
    ['0.1.0', '0.1.1', 'patch'], ['0.1.0', '0.2.0', 'minor'], ['0.1.0', '1.0.0', 'major'], ['0.1.0', '0.1.0', 'none'], ['0.2.0', '0.1.9', undefined],
  ])('%s → %s is a %s bump', (from, to, level) => {
    expect(bumpLevel(from, to)).toBe(level);
  });

  it('refuses a bump smaller than the changes require, accepts a sufficient one', () => {
    const f = repo().edit('actors', (r) => r.push({ ...r[2], id: 'zz-new' }));
    writeFileSync(join(f.root, 'package.json'), JSON.stringify({ name: 'x', version: '0.1.1' }) + '\n');
    const low = cli(f, 'v0.1.0', '--check-version');
    expect(low.status).toBe(1);
    expect(low.stderr).toContain('require a minor release');
    writeFileSync(join(f.root, 'package.json'), JSON.stringify({ name: 'x', version: '0.2.0' }) + '\n');
    expect(cli(f, 'v0.1.0', '--check-version').status).toBe(0);
  });

  it('prints markdown for the changelog, and refuses an unknown ref', () => {
    const f = repo().edit('actors', (r) => r.push({ ...r[2], id: 'zz-new' }));
    expect(cli(f, 'v0.1.0', '--format', 'markdown').stdout).toContain('### actors (+1 −0 ~0; minor)\n- added `zz-new`');
    const bad = cli(f, 'v9.9.9');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"v9.9.9" is not a commit');
  });
});
