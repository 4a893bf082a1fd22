import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintData } from '../scripts/lint/run.js';
import type { Problem } from '../scripts/lint/problems.js';
import { fixture, VALID_FIXTURE } from './helpers/fixture.js';

const lint = (root: string) => lintData(root).problems;
const byCheck = (problems: Problem[], check: string) => problems.filter((p) => p.check === check);

/** Asserts that exactly the named check fires, and that its problem names file, id and path. */
function expectProblem(problems: Problem[], check: string, where: { file: string; id?: string; path?: string; level?: 'error' | 'warning' }) {
  const found = byCheck(problems, check);
  expect(found, `expected a ${check} problem, got: ${JSON.stringify(problems, null, 1)}`).not.toHaveLength(0);
  const match = found.find((p) => p.file === where.file && (where.id === undefined || p.id === where.id) && (where.path === undefined || p.path === where.path));
  expect(match, `no ${check} problem at ${JSON.stringify(where)} among ${JSON.stringify(found, null, 1)}`).toBeDefined();
  expect(match!.level).toBe(where.level ?? 'error');
  expect(match!.message.length).toBeGreaterThan(10);
  return match!;
}

describe('the valid fixture', () => {
  it('passes every check', () => {
    expect(lint(VALID_FIXTURE)).toEqual([]);
  });
});

describe('file scope', () => {
  it('reports a missing file', () => {
    const f = fixture();
    rmSync(`${f.root}/data/events.json`);
    expectProblem(lint(f.root), 'readable', { file: 'data/events.json' });
  });

  it('reports invalid UTF-8 with its byte offset', () => {
    const f = fixture().write('actors', new Uint8Array([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d]));
    const p = expectProblem(lint(f.root), 'utf-8', { file: 'data/actors.json' });
    expect(p.message).toContain('offset 2');
  });

  it('accepts a UTF-8 byte order mark with a warning', () => {
    const f = fixture();
    const text = JSON.stringify(f.read('events'));
    f.write('events', '\uFEFF' + text);
    const problems = lint(f.root);
    expectProblem(problems, 'bom', { file: 'data/events.json', level: 'warning' });
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('accepts CRLF line ends', () => {
    const f = fixture();
    f.write('stations', JSON.stringify(f.read('stations'), null, 2).replace(/\n/g, '\r\n'));
    expect(lint(f.root)).toEqual([]);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['truncated JSON', '[{"id": "example-report', 'invalid JSON'],
    ['a trailing comma', '[\n  {"id": "x"},\n]', 'invalid JSON'],
  ])('reports %s with line and column', (_what, content, message) => {
    const f = fixture().write('events', content);
    const p = expectProblem(lint(f.root), 'json-syntax', { file: 'data/events.json' });
    expect(p.message).toContain(message);
    if (content) expect(p.line).toBeGreaterThanOrEqual(1);
  });

  it('points at the trailing comma itself', () => {
    const f = fixture().write('events', '[\n  {"id": "x"},\n]');
    const p = expectProblem(lint(f.root), 'json-syntax', { file: 'data/events.json' });
    expect([p.line, p.column, p.message]).toEqual([2, 14, 'invalid JSON: trailing comma before "]"']);
  });

  it('reports a file that is not an array', () => {
    const f = fixture().write('figures', '{"id": "x"}');
    expectProblem(lint(f.root), 'array', { file: 'data/figures.json' });
  });

  it.each(['__proto__', 'constructor'])('rejects a %s key without polluting prototypes', (key) => {
    const f = fixture();
    const text = JSON.stringify(f.read('actors')).replace('"kind":"police-bureau"', `"kind":"police-bureau","${key}":{"polluted":true}`);
    f.write('actors', text);
    const problems = lint(f.root);
    expectProblem(problems, 'forbidden-key', { file: 'data/actors.json', id: 'example-bureau', path: `/0/${key}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('requires records sorted by id', () => {
    const f = fixture().edit('actors', (r) => r.reverse());
    expectProblem(lint(f.root), 'sorted', { file: 'data/actors.json', id: 'example-bureau', path: '/2' });
  });
});

describe('record scope', () => {
  it('reports a missing required field', () => {
    const f = fixture().edit('stations', (r) => delete r[0].country);
    const p = expectProblem(lint(f.root), 'schema', { file: 'data/stations.json', id: 'it-example-city', path: '/0/country' });
    expect(p.message).toContain('missing required field "country"');
  });

  it('reports a wrong type', () => {
    const f = fixture().edit('figures', (r) => (r[0].value = 'eleven'));
    const p = expectProblem(lint(f.root), 'schema', { file: 'data/figures.json', id: 'example-stations-italy-minister', path: '/0/value' });
    expect(p.expected).toContain('number');
  });

  it('reports an unknown key with a suggestion', () => {
    const f = fixture().edit('stations', (r) => (r[0].history[1].descripton = 'typo'));
    const p = expectProblem(lint(f.root), 'schema', { file: 'data/stations.json', id: 'it-example-city', path: '/0/history/1/descripton' });
    expect(p.tip).toContain('"description"');
  });

  it('reports a value outside a vocabulary, listing the allowed ones', () => {
    const f = fixture().edit('stations', (r) => (r[0].status.value = 'shut'));
    const p = expectProblem(lint(f.root), 'schema', { file: 'data/stations.json', id: 'it-example-city', path: '/0/status/value' });
    expect(p.message).toContain('closure-ordered');
  });

  it.each(['2022-02-30', '2022-13', '2021-02-29', '22-01-01', '2022-1-5'])('rejects the date %s', (date) => {
    const f = fixture().edit('stations', (r) => (r[0].history[0].date = date));
    expectProblem(lint(f.root), 'schema', { file: 'data/stations.json', id: 'it-example-city', path: '/0/history/0/date' });
  });

  it.each(['2024-02-29', '2000-02-29', '2022', '2022-12'])('accepts the date %s', (date) => {
    const f = fixture().edit('events', (r) => (r[0].date = date));
    expect(lint(f.root)).toEqual([]);
  });

  it('requires at least one citation', () => {
    const f = fixture().edit('statements', (r) => (r[0].sources = []));
    const p = expectProblem(lint(f.root), 'schema', { file: 'data/statements.json', id: 'example-minister-2022-12-07', path: '/0/sources' });
    expect(p.tip).toContain('Nothing without a source');
  });

  it('rejects an id that is not kebab-case', () => {
    const f = fixture().edit('events', (r) => (r[0].id = 'Example_Report'));
    expectProblem(lint(f.root), 'schema', { file: 'data/events.json', id: 'Example_Report', path: '/0/id' });
  });

  it('rejects a country that is not ISO 3166-1 alpha-2', () => {
    const f = fixture().edit('stations', (r) => (r[0].country = 'Italy'));
    expectProblem(lint(f.root), 'schema', { file: 'data/stations.json', id: 'it-example-city', path: '/0/country' });
  });
});

describe('dataset scope', () => {
  it('reports a duplicate id, naming both places', () => {
    const f = fixture().edit('actors', (r) => r.push({ ...r[2] }));
    const p = expectProblem(lint(f.root), 'duplicate-id', { file: 'data/actors.json', id: 'example-ngo', path: '/3/id' });
    expect(p.message).toContain('/2');
  });

  it('reports a dangling reference with a suggestion', () => {
    const f = fixture().edit('statements', (r) => (r[0].speaker = 'example-ministr'));
    const p = expectProblem(lint(f.root), 'reference', { file: 'data/statements.json', id: 'example-minister-2022-12-07', path: '/0/speaker' });
    expect(p.tip).toContain('"example-minister"');
  });

  it('reports a citation of a source that does not exist', () => {
    const f = fixture().edit('events', (r) => (r[0].sources[0].source = 'no-such-source'));
    expectProblem(lint(f.root), 'reference', { file: 'data/events.json', id: 'example-report-2022-12-05', path: '/0/sources/0/source' });
  });

  it('warns about a source that nothing cites', () => {
    const f = fixture().edit('sources', (r) => r.push({ ...r[1], id: 'zz-unused', original: undefined, relation: undefined }));
    expectProblem(lint(f.root), 'unused-source', { file: 'data/sources.json', id: 'zz-unused', level: 'warning' });
  });

  it('warns about an actor that nothing references', () => {
    const f = fixture().edit('actors', (r) => r.push({ ...r[2], id: 'zz-nobody' }));
    expectProblem(lint(f.root), 'unused-actor', { file: 'data/actors.json', id: 'zz-nobody', level: 'warning' });
  });

  it('requires original and relation together', () => {
    const f = fixture().edit('sources', (r) => delete r[1].relation);
    expectProblem(lint(f.root), 'source-relation', { file: 'data/sources.json', id: 'example-translation', path: '/1/relation' });
  });

  it('reports a station that closes before it opens', () => {
    const f = fixture().edit('stations', (r) => {
      r[0].history[1].date = '2021-06';
      r[0].history.reverse();
    });
    expectProblem(lint(f.root), 'date-order', { file: 'data/stations.json', id: 'it-example-city', path: '/0/history/0/date' });
  });

  it('reports history out of date order', () => {
    const f = fixture().edit('stations', (r) => r[0].history.reverse());
    expectProblem(lint(f.root), 'date-order', { file: 'data/stations.json', id: 'it-example-city', path: '/0/history/1/date' });
  });

  it('reports a period that ends before it starts', () => {
    const f = fixture().edit('agreements', (r) => (r[0].in_force[0].end = '2015-12'));
    expectProblem(lint(f.root), 'date-order', { file: 'data/agreements.json', id: 'example-patrol-memorandum', path: '/0/in_force/0/end' });
  });

  it('allows at most one preferred version', () => {
    const f = fixture().edit('stations', (r) => (r[0].opened[1].preferred = { reason: 'Also preferred.' }));
    expectProblem(lint(f.root), 'preferred', { file: 'data/stations.json', id: 'it-example-city', path: '/0/opened' });
  });

  it('requires an English translation of a non-English quote', () => {
    const f = fixture().edit('statements', (r) => {
      delete r[0].translation_en;
      delete r[0].translation_by;
    });
    expectProblem(lint(f.root), 'translation', { file: 'data/statements.json', id: 'example-minister-2022-12-07', path: '/0/translation_en' });
  });
});

describe('all problems in one run', () => {
  it('reports faults in several files and scopes together', () => {
    const f = fixture()
      .write('events', '[{"id": "x",}]')
      .edit('statements', (r) => (r[0].speaker = 'nobody'))
      .edit('figures', (r) => (r[1].value = 'eleven'));
    const problems = lint(f.root);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['data/events.json', 'data/statements.json', 'data/figures.json']));
    expect(new Set(problems.map((p) => p.scope))).toEqual(new Set(['file', 'record', 'dataset']));
  });
});

describe('stable ids (data/ids/)', () => {
  const released = (ids: Record<string, string[]>) => JSON.stringify({ version: '0.1.0', ids: { sources: [], actors: [], stations: [], agreements: [], statements: [], figures: [], events: [], ...ids } });

  it('accepts released ids that are all still present', () => {
    const f = fixture().write('ids/released', released({ events: ['example-report-2022-12-05'] })).write('ids/retired', '[]');
    expect(lint(f.root)).toEqual([]);
  });

  it('reports a released id that has disappeared', () => {
    const f = fixture().write('ids/released', released({ events: ['example-report-2022-12-05', 'example-gone'] }));
    const p = expectProblem(lint(f.root), 'id-removed', { file: 'data/events.json', id: 'example-gone' });
    expect(p.tip).toContain('data/ids/retired.json');
  });

  it('accepts a released id once it is retired with a redirect to a live record', () => {
    const f = fixture()
      .write('ids/released', released({ events: ['example-report-2022-12-05', 'example-gone'] }))
      .write('ids/retired', JSON.stringify([{ collection: 'events', id: 'example-gone', retired_in: '0.2.0', replaced_by: 'example-report-2022-12-05', reason: 'Merged.' }]));
    expect(lint(f.root)).toEqual([]);
  });

  it('reports a retired id that is used again', () => {
    const f = fixture().write('ids/retired', JSON.stringify([{ collection: 'events', id: 'example-report-2022-12-05', retired_in: '0.2.0', reason: 'Withdrawn.' }]));
    expectProblem(lint(f.root), 'id-reused', { file: 'data/ids/retired.json', id: 'example-report-2022-12-05', path: '/0/id' });
  });

  it('reports a redirect chain and a redirect to nowhere', () => {
    const f = fixture().write('ids/retired', JSON.stringify([
      { collection: 'events', id: 'old-a', retired_in: '0.2.0', replaced_by: 'old-b', reason: 'Renamed.' },
      { collection: 'events', id: 'old-b', retired_in: '0.3.0', replaced_by: 'nowhere', reason: 'Renamed again.' },
    ]));
    const problems = lint(f.root);
    expectProblem(problems, 'id-redirect', { file: 'data/ids/retired.json', id: 'old-a', path: '/0/replaced_by' });
    expectProblem(problems, 'id-redirect', { file: 'data/ids/retired.json', id: 'old-b', path: '/1/replaced_by' });
  });

  it('does not report the ids of a file that could not be read as removed', () => {
    const f = fixture().write('ids/released', released({ events: ['example-report-2022-12-05'] })).write('events', '[{"id": ');
    const problems = lint(f.root);
    expectProblem(problems, 'json-syntax', { file: 'data/events.json' });
    expect(byCheck(problems, 'id-removed')).toEqual([]);
  });

  it('reports a malformed registry', () => {
    const f = fixture().write('ids/retired', JSON.stringify([{ collection: 'events', id: 'x' }]));
    expectProblem(lint(f.root), 'schema', { file: 'data/ids/retired.json' });
  });
});
