/**
 * The sources as CSL-JSON (Zotero, Pandoc, citeproc) and as biblatex-style
 * BibTeX; entry keys are the source ids.
 *
 * Entry types follow the kind of source: newspaper and magazine articles,
 * journal articles, reports, web pages, blog posts, encyclopaedia entries,
 * parliamentary records (reports of the parliament that issued them), court
 * documents. Dates are given as precise as published (`issued` / `date`), the
 * day the project read the copy as the access date (`accessed` / `urldate`).
 * Persons are split into family and given names; organisations stay literal
 * (CSL `literal`, a braced name in BibTeX). A source without a headline gets
 * its description in square brackets where the title goes, as APA and Chicago
 * do for untitled works; a description is never printed as if it were a title.
 *
 * BibTeX: every value is written as one brace-delimited string that is
 * balanced and inert whatever the text holds. Braces and backslashes in the
 * text become `\textbraceleft{}`, `\textbraceright{}` and `\textbackslash{}`
 * (BibTeX counts `\{` as a brace, so that escape is not used); LaTeX's special
 * characters are escaped; URLs are written verbatim with the few characters
 * that could unbalance or break the field percent-encoded.
 */
import type { Source } from '../../schemas/index.js';

type Kind = Source['kind'];

/** CSL item type, whether the publisher is the container (the outlet, the website) and, for reports and documents, a genre. */
const CSL: Record<Kind, { type: string; container: boolean; genre?: string }> = {
  'news-article': { type: 'article-newspaper', container: true },
  'official-media': { type: 'article-newspaper', container: true },
  analysis: { type: 'article-magazine', container: true },
  'academic-article': { type: 'article-journal', container: true },
  'ngo-report': { type: 'report', container: false },
  'parliamentary-record': { type: 'report', container: false, genre: 'Parliamentary record' },
  'court-document': { type: 'document', container: false, genre: 'Court document' },
  'ngo-web-page': { type: 'webpage', container: true },
  'government-statement': { type: 'webpage', container: true },
  'blog-post': { type: 'post-weblog', container: true },
  'reference-work': { type: 'entry-encyclopedia', container: true },
};

/** biblatex entry type, the field that names the publisher, and `entrysubtype` / `type` where they apply. */
const BIB: Record<Kind, { type: string; publisherField: string; subtype?: string; reportType?: string }> = {
  'news-article': { type: 'article', publisherField: 'journaltitle', subtype: 'newspaper' },
  'official-media': { type: 'article', publisherField: 'journaltitle', subtype: 'newspaper' },
  analysis: { type: 'article', publisherField: 'journaltitle', subtype: 'magazine' },
  'academic-article': { type: 'article', publisherField: 'journaltitle' },
  'ngo-report': { type: 'report', publisherField: 'institution', reportType: 'Report' },
  'parliamentary-record': { type: 'report', publisherField: 'institution', reportType: 'Parliamentary record' },
  'court-document': { type: 'misc', publisherField: 'organization', reportType: 'Court document' },
  'ngo-web-page': { type: 'online', publisherField: 'organization' },
  'government-statement': { type: 'online', publisherField: 'organization' },
  'blog-post': { type: 'online', publisherField: 'organization' },
  'reference-work': { type: 'online', publisherField: 'organization' },
};

/** What goes where the title goes: the headline, or the description in square brackets. */
export const citationTitle = (s: Pick<Source, 'title' | 'description'>) => s.title ?? `[${s.description ?? 'Untitled'}]`;

const dateParts = (date: string) => ({ 'date-parts': [date.split('-').map(Number)] });

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: Array<{ family: string; given?: string } | { literal: string }>;
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL: string;
  language: string;
  annote?: string;
}

export function cslItem(s: Source): CslItem {
  const kind = CSL[s.kind];
  return {
    id: s.id,
    type: kind.type,
    title: citationTitle(s),
    ...(s.authors.length ? { author: s.authors.map((a) => ('literal' in a ? { literal: a.literal } : { family: a.family, ...(a.given ? { given: a.given } : {}) })) } : {}),
    ...(kind.container ? { 'container-title': s.publisher } : { publisher: s.publisher }),
    ...(kind.genre ? { genre: kind.genre } : {}),
    ...(s.date ? { issued: dateParts(s.date) } : {}),
    ...(s.accessed ? { accessed: dateParts(s.accessed) } : {}),
    URL: s.url,
    language: s.language,
    ...(s.notes ? { annote: s.notes } : {}),
  };
}

export const cslJson = (sources: readonly Source[]) => sources.map(cslItem);

// ——— BibTeX ———

const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
};

/**
 * Text as the inside of a braced BibTeX value: inert and balanced. Line breaks
 * and other control characters become spaces (a blank line would end a LaTeX
 * paragraph inside a field).
 */
export function bibEscape(text: string): string {
  return text.replace(/[\\{}~^&%$#_]/g, (c) => LATEX[c]!).replace(/[\u0000-\u001F\u007F]+/g, ' ');
}

/** A URL for biblatex's verbatim `url` field: the characters that could unbalance or end the field, or be read as a comment, percent-encoded. */
export function bibUrl(url: string): string {
  return url.replace(/[{}\\\s"%]/g, (c, offset: number) => (c === '%' && /^%[0-9A-Fa-f]{2}/.test(url.slice(offset, offset + 3)) ? c : encodeURIComponent(c)));
}

/** A person as `Family, Given`; an organisation in braces so that BibTeX does not split it into names. */
function bibAuthor(a: Source['authors'][number]): string {
  if ('literal' in a) return `{${bibEscape(a.literal)}}`;
  // `and` inside a name would split it: brace any part that holds the word or a comma.
  const part = (text: string) => (/\band\b|,/i.test(text) ? `{${bibEscape(text)}}` : bibEscape(text));
  return a.given ? `${part(a.family)}, ${part(a.given)}` : part(a.family);
}

export function bibEntry(s: Source): string {
  const kind = BIB[s.kind];
  const fields: Array<[string, string]> = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') fields.push([name, value]);
  };
  add('author', s.authors.length ? s.authors.map(bibAuthor).join(' and ') : undefined);
  // The extra braces keep the headline's capitalisation as published.
  add('title', `{${bibEscape(citationTitle(s))}}`);
  add(kind.publisherField, bibEscape(s.publisher));
  add('entrysubtype', kind.subtype);
  add('type', kind.reportType);
  add('date', s.date);
  add('urldate', s.accessed);
  add('url', bibUrl(s.url));
  add('annotation', s.notes === undefined ? undefined : bibEscape(s.notes));
  return `@${kind.type}{${s.id},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

export function bibtex(sources: readonly Source[]): string {
  return sources.map(bibEntry).join('\n');
}
