/**
 * The readable tables: overviews, link tables with the cited source, readable
 * `cited_for`, list cells as Frictionless v2 lists, and the data the tables refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { COUNTRY_NAMES, countryName } from '../scripts/build/country-names.js';
import { citedFor, CITED_FOR_PATTERN, sourceLabel } from '../scripts/build/names.js';
import { siteHome } from '../scripts/build/overviews.js';
import { authorName } from '../scripts/build/records.js';
import { FREE_TEXT_LIST_COLUMNS } from '../scripts/build/table-checks.js';
import { join as joinList, LIST_SEPARATOR, ListCellError } from '../scripts/build/table-fields.js';
import { tables } from '../scripts/build/tables.js';
import { build, freshBuild } from './helpers/build.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const data = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(PROJECT_ROOT, c.file), 'utf8')) as Rec[]]));
const HOME = 'https://overseas-police-stations.github.io/overseas-police-stations/';
let dist: string;
const csv = (name: string, from = dist) => parse(readFileSync(join(from, 'csv', `${name}.csv`)), { columns: true }) as Array<Record<string, string>>;
const byId = (collection: string) => new Map(data[collection]!.map((r) => [r.id, r]));

beforeAll(() => {
  dist = freshBuild();
});

describe('the overviews', () => {
  it('come first among the tables, with the file names the README links', () => {
    expect(tables.slice(0, 3).map((t) => t.name)).toEqual(['stations-overview', 'statements-overview', 'figures-overview']);
    expect(siteHome()).toBe(HOME);
  });

  it('stations-overview: one row per station, names instead of ids, country name, earliest opening, main source and page', () => {
    const rows = csv('stations-overview');
    expect(rows.map((r) => r.id)).toEqual(data.stations!.map((s) => s.id));
    const actors = byId('actors');
    const sources = byId('sources');
    for (const [i, s] of data.stations!.entries()) {
      const row = rows[i]!;
      expect(row.country_code).toBe(s.country);
      expect(row.country).toBe(COUNTRY_NAMES[s.country]);
      const operatorNames = [...new Set(s.operator.map((c: Rec) => actors.get(c.value)!.name))].sort();
      expect((row.operators ? row.operators.split(LIST_SEPARATOR) : []).sort()).toEqual(operatorNames);
      expect(row.reported_by!.split(LIST_SEPARATOR)).toContain(actors.get(s.reported_by[0].value)!.name);
      expect(row.opened_earliest).toBe(s.opened.length ? s.opened.map((c: Rec) => c.value).sort()[0] : '');
      const main = sources.get(s.sources[0]?.source);
      if (main) expect(row.source_url).toBe(main.url);
      expect(row.page).toBe(`${HOME}stations/${s.id}.html`);
    }
    const prato = rows.find((r) => r.id === 'it-prato-fuzhou')!;
    expect(prato).toMatchObject({ city: 'Prato', country: 'Italy', country_code: 'IT' });
    expect(prato.operators).toContain('Fuzhou');
  });

  it('statements-overview: speaker name and role, verbatim text, translation, main source and page', () => {
    const rows = csv('statements-overview');
    const actors = byId('actors');
    expect(rows.map((r) => r.id)).toEqual(data.statements!.map((s) => s.id));
    for (const [i, s] of data.statements!.entries()) {
      expect(rows[i]!.speaker).toBe(actors.get(s.speaker)!.name);
      expect(rows[i]!.speaker_role).toBe(actors.get(s.speaker)!.role);
      expect(rows[i]!.text!.replace(/^'(?=[=+\-@])/, '')).toBe(s.text);
      expect(rows[i]!.translation_en).toBe(s.translation_en ?? '');
      expect(rows[i]!.page).toBe(`${HOME}statements/${s.id}.html`);
    }
  });

  it('figures-overview: value as a number, as printed, claimant name and a link to the figure on the site', () => {
    const rows = csv('figures-overview');
    const actors = byId('actors');
    for (const [i, f] of data.figures!.entries()) {
      expect(Number(rows[i]!.value)).toBe(f.value);
      expect(rows[i]!.claimed_by).toBe(actors.get(f.claimed_by)!.name);
      expect(rows[i]!.as_printed).toBe(f.as_printed ?? '');
      expect(rows[i]!.page).toBe(`${HOME}figures.html#${f.id}`);
    }
  });

  it('carry the verification status and note of each record, and who translated a statement\'s words', () => {
    const f = fixture()
      .edit('stations', (r) => (r[0].verification = { status: 'partly-verified', checked: '2026-12-01', note: 'The opening date could not be read.' }))
      .edit('statements', (r) => {
        r[0].verification = { status: 'verified', checked: '2026-12-01' };
        r[0].spoken_language = 'zh';
        r[0].text_translation = { kind: 'outlet', by: 'example-ngo' };
      });
    const out = freshBuild(f.root);
    expect(csv('stations-overview', out)[0]).toMatchObject({ verification_status: 'partly-verified', verification_note: 'The opening date could not be read.' });
    expect(csv('statements-overview', out)[0]).toMatchObject({ verification_status: 'verified', verification_note: '', text_translated_by: 'Example NGO' });
    expect(csv('figures-overview', out).map((r) => r.verification_status)).toEqual(f.read('figures').map((r) => r.verification?.status ?? ''));
  });

  it('country names come from a fixed table that covers every station', () => {
    for (const s of data.stations!) expect(countryName(s.country), s.country).toBeTruthy();
    expect(countryName('CZ')).toBe('Czechia');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('ZZ')).toBeUndefined();
    for (const [code, name] of Object.entries(COUNTRY_NAMES)) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(name).not.toContain(LIST_SEPARATOR);
    }
  });
});

describe('the link tables', () => {
  it('give every citation its source URL and title, and a readable, joinable cited_for', () => {
    const sources = byId('sources');
    const pattern = new RegExp(CITED_FOR_PATTERN);
    for (const name of ['station_sources', 'statement_sources', 'agreement_sources', 'figure_sources', 'event_sources', 'actor_sources']) {
      for (const row of csv(name)) {
        const source = sources.get(row.source_id)!;
        expect(row.source_url).toBe(source.url);
        expect(row.source_title).toBe(sourceLabel(source as { id: string; url: string }));
        if (row.cited_for) expect(row.cited_for).toMatch(pattern);
        expect(row.cited_for!.startsWith(row.cited_field!)).toBe(true);
      }
    }
    const claims = csv('station_claims');
    const cited = csv('station_sources').filter((r) => r.cited_field === 'operator');
    expect(cited.length).toBeGreaterThan(10);
    for (const row of cited) {
      expect(row.cited_for).toBe(`operator[${row.cited_seq}]`);
      expect(claims.some((c) => c.station_id === row.station_id && c.field === 'operator' && c.seq === row.cited_seq && c.source_ids!.split(LIST_SEPARATOR).includes(row.source_id!))).toBe(true);
    }
  });

  it('cited_for turns JSON Pointers into field names and positions from 1', () => {
    expect(citedFor('')).toBe('');
    expect(citedFor('/status')).toBe('status');
    expect(citedFor('/operator/0')).toBe('operator[1]');
    expect(citedFor('/events/11/places/0')).toBe('events[12].places[1]');
    expect(citedFor('/setting')).toMatch(new RegExp(CITED_FOR_PATTERN));
  });

  it('print a source without a title as its description in brackets', () => {
    expect(sourceLabel({ id: 'x', url: 'https://example.org', title: 'Headline' })).toBe('Headline');
    expect(sourceLabel({ id: 'x', url: 'https://example.org', description: 'Safeguard Defenders’ table of stations, not read' })).toBe('[Safeguard Defenders’ table of stations, not read]');
    expect(sourceLabel(undefined)).toBeUndefined();
  });
});

describe('list cells', () => {
  it('are declared as Frictionless v2 lists of strings with the "; " delimiter, with no constraint a list cannot take', () => {
    const pkg = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8'));
    const lists = pkg.resources.flatMap((r: Rec) => (r.schema?.fields ?? []).filter((f: Rec) => f.type === 'list').map((f: Rec) => ({ ...f, table: r.name })));
    const joined = tables.flatMap((t) => t.fields.filter((f) => f.joined).map((f) => `${t.name}.${f.name}`));
    expect(lists.map((f: Rec) => `${f.table}.${f.name}`)).toEqual(joined);
    expect(joined.length).toBeGreaterThanOrEqual(16);
    for (const f of lists) {
      expect(f).toMatchObject({ type: 'list', delimiter: '; ', itemType: 'string' });
      expect(Object.keys(f.constraints ?? {}).every((k) => ['required', 'minLength', 'maxLength'].includes(k))).toBe(true);
      expect(f.format).toBeUndefined();
    }
    for (const r of pkg.resources.filter((x: Rec) => x.type === 'table')) {
      for (const f of r.schema.fields) expect(['string', 'integer', 'number', 'boolean', 'list'], `${r.name}.${f.name}`).toContain(f.type);
    }
  });

  it('split back into exactly the items of the data (authors, parties)', () => {
    const sources = csv('sources');
    let withAuthors = 0;
    for (const [i, s] of data.sources!.entries()) {
      if (!s.authors.length) continue;
      withAuthors++;
      expect(sources[i]!.authors!.split(LIST_SEPARATOR)).toEqual(s.authors.map(authorName));
    }
    expect(withAuthors).toBeGreaterThan(10);
    const agreements = csv('agreements');
    for (const [i, a] of data.agreements!.entries()) expect(agreements[i]!.parties ? agreements[i]!.parties!.split(LIST_SEPARATOR) : []).toEqual(a.parties);
  });

  it('refuse an item that holds the separator, naming file, record and path, with a tip (issue 18)', () => {
    const broken = fixture()
      .edit('actors', (r) => (r[0].name = 'Ministry of the Interior; Department of Public Security'))
      .edit('agreements', (r) => (r[0].events[0].places = ['Rome; Milan']));
    const run = build(join(broken.root, 'dist'), broken.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Build refused');
    expect(run.stderr).toMatch(/data\/actors\.json record "[^"]+" at \/0\/name: the text "Ministry of the Interior; Department of Public Security" contains "; "/);
    expect(run.stderr).toMatch(/data\/agreements\.json record "[^"]+" at \/0\/events\/0\/places\/0: .*contains "; ".*Tip:/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('that hold free text are all guarded; the others hold ids or dates only', () => {
    const joined = tables.flatMap((t) => t.fields.filter((f) => f.joined).map((f) => ({ column: `${t.name}.${f.name}`, description: f.description })));
    const unguarded = joined.filter((f) => !(FREE_TEXT_LIST_COLUMNS as readonly string[]).includes(f.column) && !f.description.startsWith('Ids of') && f.column !== 'agreements.in_force');
    expect(unguarded).toEqual([]);
    for (const column of FREE_TEXT_LIST_COLUMNS) expect(joined.map((f) => f.column)).toContain(column);
    const ids = new Set(joined.filter((f) => f.description.startsWith('Ids of')).map((f) => f.column));
    for (const t of tables) {
      for (const row of csv(t.name)) {
        for (const f of t.fields.filter((x) => ids.has(`${t.name}.${x.name}`) && row[x.name])) {
          for (const item of row[f.name]!.split(LIST_SEPARATOR)) expect(item).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
      }
    }
  });

  it('are guarded in the table layer too: joining an item with the separator throws a ListCellError', () => {
    expect(joinList(['a', 'b'])).toBe('a; b');
    expect(joinList([])).toBeUndefined();
    expect(() => joinList(['a; b'])).toThrow(ListCellError);
    expect(joinList(['a;b', 'c, d'])).toBe('a;b; c, d');
  });

  it('a station in a country without an English name in the table fails the build with a tip', () => {
    const broken = fixture().edit('stations', (r) => (r[0].country = 'ZZ'));
    const run = build(join(broken.root, 'dist'), broken.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/data\/stations\.json record "it-example-city" at \/0\/country: the country code "ZZ" has no English name.*Tip: .*country-names\.ts/);
  });
});

describe('the release documents', () => {
  it('are in dist/ as committed: README, LICENSE, CITATION.cff, CHANGELOG, docs/*.md', () => {
    for (const path of ['README.md', 'LICENSE', 'CITATION.cff', 'CHANGELOG.md', 'docs/METHODOLOGY.md', 'docs/data-dictionary.md']) {
      expect(readFileSync(join(dist, path)).equals(readFileSync(join(PROJECT_ROOT, path))), path).toBe(true);
    }
  });
});

describe('README, Quick start: spreadsheets', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start: spreadsheets'), readme.indexOf('## Quick start: TypeScript'));

  it('starts from direct download links to the overviews, the workbook and the database, on the site named by package.json', () => {
    const links = [...section.matchAll(/\]\((https:[^)]+)\)/g)].map((m) => m[1]!);
    const expected = [
      ...['stations-overview', 'statements-overview', 'figures-overview'].map((t) => `${siteHome()}downloads/csv/${t}.csv`),
      `${siteHome()}downloads/overseas-police-stations.xlsx`,
      `${siteHome()}downloads/overseas-police-stations.sqlite`,
    ];
    expect(links.slice(0, 5)).toEqual(expected);
    for (const t of ['stations-overview', 'statements-overview', 'figures-overview']) expect(tables.some((x) => x.name === t)).toBe(true);
  });

  it('states the list rule and the formula rule that the writer applies', () => {
    expect(section).toContain('separated by `; `');
    expect(section).toContain("`^'+[=+\\-@\\t\\r]`");
  });
});
