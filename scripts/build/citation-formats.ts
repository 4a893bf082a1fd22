/** The sources as CSL-JSON (Zotero, Pandoc) and BibTeX; keys are the source ids. */
import type { Source } from '../../schemas/index.js';
import { sourceHeading } from './records.js';

const CSL_TYPE: Record<Source['kind'], string> = {
  'news-article': 'article-newspaper',
  analysis: 'article',
  'ngo-report': 'report',
  'ngo-web-page': 'webpage',
  'government-statement': 'webpage',
  'parliamentary-record': 'legislation',
  'court-document': 'legal_case',
  'official-media': 'article-newspaper',
  'academic-article': 'article-journal',
  'reference-work': 'entry-encyclopedia',
  'blog-post': 'post-weblog',
};

const dateParts = (date: string) => date.split('-').map(Number);

export function cslJson(sources: readonly Source[]) {
  return sources.map((s) => ({
    id: s.id,
    type: CSL_TYPE[s.kind],
    title: sourceHeading(s),
    ...(s.kind === 'news-article' || s.kind === 'official-media' ? { 'container-title': s.publisher } : { publisher: s.publisher }),
    ...(s.authors.length ? { author: s.authors.map((a) => ('literal' in a ? { literal: a.literal } : { family: a.family, ...(a.given ? { given: a.given } : {}) })) } : {}),
    ...(s.date ? { issued: { 'date-parts': [dateParts(s.date)] } } : {}),
    URL: s.url,
    language: s.language,
    ...(s.notes ? { note: s.notes } : {}),
  }));
}

/** Escapes the characters that are special in BibTeX field values. */
export function bibEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function bibtex(sources: readonly Source[]): string {
  return sources
    .map((s) => {
      const [year, month] = s.date ? dateParts(s.date) : [];
      const fields: Array<[string, string]> = [
        ['title', `{${bibEscape(sourceHeading(s))}}`],
        ...(s.authors.length ? [['author', `{${s.authors.map((a) => ('literal' in a ? `{${bibEscape(a.literal)}}` : `${bibEscape(a.family)}${a.given ? `, ${bibEscape(a.given)}` : ''}`)).join(' and ')}}`] as [string, string]] : []),
        ['publisher', `{${bibEscape(s.publisher)}}`],
        ...(year ? [['year', `{${year}}`] as [string, string]] : []),
        ...(month ? [['month', MONTHS[month - 1]!] as [string, string]] : []),
        ['url', `{${s.url.replace(/([{}%#])/g, '\\$1')}}`],
        ['language', `{${s.language}}`],
        ...(s.notes ? [['note', `{${bibEscape(s.notes)}}`] as [string, string]] : []),
      ];
      return `@misc{${s.id},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}
