/** Generated documentation: the verification counts in METHODOLOGY and the coverage page stay true to the data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageFromRoot, coveragePage, staleStatuses } from '../scripts/lib/coverage-page.js';
import { readRecords, verificationRows, excerptCoverage } from '../scripts/lib/dataset-numbers.js';
import { replaceBlock } from '../scripts/lib/generated-block.js';
import { methodologyWithCounts } from '../scripts/lib/verification-report.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';

const committed = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

describe('docs/METHODOLOGY.md verification counts', () => {
  it('are up to date with the data (regenerate with `npm run docs`)', () => {
    const text = committed('docs/METHODOLOGY.md');
    expect(text, 'docs/METHODOLOGY.md counts are out of date: run `npm run docs`').toBe(methodologyWithCounts(text, PROJECT_ROOT));
  });

  it('change when a record is checked, so a stale block is caught', () => {
    const f = fixture().edit('figures', (r) => {
      r[0].verification = { status: 'unverifiable', checked: '2026-12-01', note: 'No copy could be read.' };
    });
    const before = methodologyWithCounts(committed('docs/METHODOLOGY.md'), fixture().root);
    const after = methodologyWithCounts(before, f.root);
    expect(after).not.toBe(before);
    expect(after).toMatch(/\| figures \| \d+ \| \d+ \| 0 \| 0 \| 1 \|/);
  });

  it('refuses a document without the markers, naming the file and the markers', () => {
    expect(() => replaceBlock('# no markers', 'docs/X.md', 'verification', 'x')).toThrow(/docs\/X\.md has no <!-- verification:start -->/);
  });
});

describe('excerpt coverage', () => {
  it('counts citations with and without excerpts in the checked collections only', () => {
    const f = fixture();
    const rows = verificationRows(readRecords(f.root));
    const before = excerptCoverage(rows);
    const g = fixture().edit('statements', (r) => {
      for (const s of r) for (const c of s.sources) delete c.excerpt;
    });
    const after = excerptCoverage(verificationRows(readRecords(g.root)));
    expect(after.citations).toBe(before.citations);
    expect(after.withExcerpt).toBeLessThanOrEqual(before.withExcerpt);
    expect(rows.map((r) => r.collection)).toEqual(['stations', 'statements', 'figures', 'agreements', 'events']);
  });
});

describe('docs/coverage.md', () => {
  it('is up to date with the data (regenerate with `npm run docs`)', () => {
    expect(committed('docs/coverage.md'), 'docs/coverage.md is out of date: run `npm run docs`').toBe(coverageFromRoot(PROJECT_ROOT));
  });

  it('compares recorded stations with a published per-bureau count and names the gap', () => {
    const data = readRecords(fixture().root);
    const bureau = data.actors[0]!.id;
    data.figures.push({
      ...data.figures[0]!, id: 'bureau-count', unit: 'stations', qualifier: 'exact', value: 29, as_printed: undefined,
      scope: { description: 'Stations run by one bureau.', bureau },
    });
    const page = coveragePage(data);
    // The fixture's one station is operated by this bureau: one recorded against 29 published.
    expect(page).toMatch(new RegExp(`\\| ${data.actors[0]!.name} \\| 1 \\| 29 \\(.*\\) \\| 28 not yet named in a readable source \\|`));
  });

  it('lists a station whose status is older than a readable source it cites, and only then', () => {
    const data = readRecords(fixture().root);
    const s = data.stations[0]!;
    const source = data.sources.find((x) => x.id === s.status.sources[0]!.source)!;
    s.status.as_of = '2022-12-04';
    source.read = 'full';
    source.date = '2022-12-04';
    expect(staleStatuses(data)).toEqual([]);
    source.date = '2022-12';
    expect(staleStatuses(data), 'a month is not later than a day in it').toEqual([]);
    source.date = '2022-12-05';
    expect(staleStatuses(data).map((x) => [x.station.id, x.source, x.date])).toEqual([[s.id, source.id, '2022-12-05']]);
    expect(coveragePage(data)).toMatch(new RegExp(`\\| \`${s.id}\` \\| ${s.status.value} \\| 2022-12-04 \\| \`${source.id}\` \\| 2022-12-05 \\|`));
    source.read = 'not-read';
    expect(staleStatuses(data), 'an unread source dates nothing').toEqual([]);
  });

  it('says, for every station of the real data whose status is older than a source it cites, why', () => {
    for (const { station, source } of staleStatuses(readRecords(PROJECT_ROOT))) {
      expect(station.verification?.note, station.id).toContain(`as_of older than ${source}`);
    }
  });

  it('lists stations without a city under their own heading', () => {
    const data = readRecords(fixture().root);
    const s = data.stations[0]!;
    delete s.city;
    expect(coveragePage(data)).toContain(`- \`${s.id}\`: ${s.name}`);
  });
});

describe('npm run build', () => {
  it('prints the excerpt coverage of the data it built', async () => {
    const { build } = await import('./helpers/build.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const f = fixture().edit('figures', (r) => {
      for (const c of r[0].sources) delete c.excerpt;
    });
    const run = build(join(mkdtempSync(join(tmpdir(), 'ops-cov-')), 'dist'), f.root);
    expect(run.status).toBe(0);
    const total = verificationRows(readRecords(f.root)).reduce((n, r) => n + r.citations, 0);
    expect(run.stdout).toMatch(new RegExp(`excerpt coverage: ${total - f.read('figures')[0].sources.length} of ${total} supporting citations`));
  });
});
