/**
 * How to cite the dataset and each of its records: the dataset citation for this
 * version (from CITATION.cff and package.json), and a "Cite this" box per record
 * with its id and URL, as plain text and as BibTeX, with a copy button.
 */
import { parse } from 'yaml';
import { bibField, bibKey, bibUrl } from './bibtex.js';
import { esc } from './html.js';

export interface DatasetCitation {
  authors: string[];
  title: string;
  version: string;
  year: string;
  /** The site's address, ending in `/`; undefined when package.json has no `homepage`. */
  homepage?: string;
}

/** Reads the citation metadata from CITATION.cff's text and package.json's fields. */
export function datasetCitation(cff: string, pkg: { version: string; homepage?: string }): DatasetCitation {
  const meta = parse(cff) as { title?: string; authors?: Array<{ name?: string; 'family-names'?: string; 'given-names'?: string }>; 'date-released'?: string | Date };
  const released = meta['date-released'];
  const year = released instanceof Date ? String(released.getUTCFullYear()) : String(released ?? '').slice(0, 4);
  const authors = (meta.authors ?? []).map((a) => a.name ?? [a['given-names'], a['family-names']].filter(Boolean).join(' ')).filter(Boolean);
  const homepage = pkg.homepage ? (pkg.homepage.endsWith('/') ? pkg.homepage : `${pkg.homepage}/`) : undefined;
  return { authors, title: meta.title ?? 'Overseas police stations dataset', version: pkg.version, year: year || 'n.d.', homepage };
}

/** The dataset citation as plain text (APA-like). */
export function datasetText(c: DatasetCitation): string {
  return `${c.authors.join(', ')}. (${c.year}). ${c.title} (Version ${c.version}) [Data set].${c.homepage ? ` ${c.homepage}` : ''}`;
}

/** The dataset citation as a BibTeX entry. */
export function datasetBibtex(c: DatasetCitation): string {
  const fields: Array<[string, string]> = [
    ['author', `{${c.authors.map((a) => bibField(a)).join(' and ')}}`],
    ['title', bibField(c.title)],
    ['year', bibField(c.year)],
    ['version', bibField(c.version)],
    ...(c.homepage ? [['url', bibUrl(c.homepage)] as [string, string]] : []),
    ['note', bibField('Data set')],
  ];
  return `@misc{${bibKey(`overseas-police-stations-${c.version}`)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

export interface RecordRef {
  /** `station`, `agreement`, `statement`. */
  kind: string;
  id: string;
  /** A short human title of the record. */
  title: string;
  /** Path of its page below the site root: `stations/it-prato-fuzhou.html`. */
  path: string;
}

export const recordUrl = (c: DatasetCitation, r: RecordRef): string => (c.homepage ? `${c.homepage}${r.path}` : r.path);

export function recordText(c: DatasetCitation, r: RecordRef): string {
  return `${c.authors.join(', ')}. (${c.year}). ${r.title} [${r.kind} ${r.id}]. In ${c.title} (Version ${c.version}) [Data set]. ${recordUrl(c, r)}`;
}

export function recordBibtex(c: DatasetCitation, r: RecordRef): string {
  const fields: Array<[string, string]> = [
    ['author', `{${c.authors.map((a) => bibField(a)).join(' and ')}}`],
    ['title', bibField(r.title)],
    ['howpublished', bibField(`In: ${c.title}, version ${c.version}`)],
    ['year', bibField(c.year)],
    ['version', bibField(c.version)],
    ['url', bibUrl(recordUrl(c, r))],
    ['note', bibField(`Data set record: ${r.kind} ${r.id}`)],
  ];
  return `@misc{${bibKey(`overseas-police-stations-${c.version}-${r.id}`)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

/** The "Cite this" box: plain text and BibTeX, each with a copy button. */
export function citeBox(c: DatasetCitation, r: RecordRef): string {
  return `<section class="cite" aria-labelledby="cite-title">
<h2 id="cite-title">Cite this ${esc(r.kind)}</h2>
<p>Record id <code>${esc(r.id)}</code> in version ${esc(c.version)} of the dataset: <a href="${esc(recordUrl(c, r))}">${esc(recordUrl(c, r))}</a></p>
${copyBlock('cite-text', 'Plain text', recordText(c, r))}
${copyBlock('cite-bibtex', 'BibTeX', recordBibtex(c, r))}
</section>`;
}

/** A labelled block of text with a button that copies it. */
export function copyBlock(id: string, label: string, text: string): string {
  return `<div class="copy-block"><h3 id="${id}-label">${esc(label)}</h3>
<pre id="${id}">${esc(text)}</pre>
<button type="button" data-copy="${id}">Copy ${esc(label)}</button> <span class="copied" data-copied-for="${id}" aria-live="polite"></span></div>`;
}
