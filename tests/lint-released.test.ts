/**
 * Released ids are protected against a change that edits data/ids/released.json:
 * the linter compares with the list at the last release tag (git), and says
 * so when there is no tag to compare with.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lintData } from '../scripts/lint/run.js';
import { fixture } from './helpers/fixture.js';

const released = (events: string[]) =>
  JSON.stringify({ version: '0.1.0', ids: { sources: [], actors: [], stations: [], agreements: [], statements: [], figures: [], events } }, null, 2) + '\n';

function repo() {
  const f = fixture().write('ids/released', released(['example-report-2022-12-05'])).write('ids/retired', '[]\n');
  const git = (...args: string[]) => execFileSync('git', ['-C', f.root, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'release');
  return { f, git };
}

describe('released ids and the last release tag', () => {
  it('reports an id dropped from released.json together with its record', () => {
    const { f, git } = repo();
    git('tag', 'v0.1.0');
    f.write('ids/released', released([])).edit('events', (r) => r.splice(0, 1));
    git('commit', '-qam', 'drop it');
    const result = lintData(f.root);
    expect(result.problems.find((p) => p.check === 'released-edited')).toMatchObject({ file: 'data/ids/released.json', id: 'example-report-2022-12-05' });
    expect(result.problems.find((p) => p.check === 'id-removed')).toMatchObject({ file: 'data/events.json', id: 'example-report-2022-12-05' });
    expect(result.problems.find((p) => p.check === 'id-removed')!.message).toContain('released in v0.1.0');
    expect(result.notes).toEqual([]);
  });

  it('accepts an untouched list at a tag', () => {
    const { f, git } = repo();
    git('tag', 'v0.1.0');
    const result = lintData(f.root);
    expect(result.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('falls back to the file, with a note, when no tag exists', () => {
    const { f } = repo();
    f.write('ids/released', released([])).edit('events', (r) => r.splice(0, 1));
    const result = lintData(f.root);
    expect(result.problems.filter((p) => p.check === 'released-edited' || p.check === 'id-removed')).toEqual([]);
    expect(result.notes.join(' ')).toContain('no release tag');
  });
});
