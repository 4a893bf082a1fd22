/** The "Cite this" boxes: BibTeX values stay one inert field whatever the text, and the citation names the version, id and URL. */
import { describe, expect, it } from 'vitest';
import { bibField, bibKey, bibUrl } from '../../scripts/site/bibtex.js';
import { datasetCitation, recordBibtex, recordText } from '../../scripts/site/cite.js';

/** Splits a BibTeX entry into its fields the way BibTeX does: by commas outside braces. */
function fields(entry: string): Map<string, string> {
  const body = entry.slice(entry.indexOf(',') + 1, entry.lastIndexOf('}'));
  const out = new Map<string, string>();
  let depth = 0;
  let current = '';
  for (const c of body + ',') {
    if (c === '{') depth++;
    if (c === '}') depth--;
    expect(depth).toBeGreaterThanOrEqual(0);
    if (c === ',' && depth === 0) {
      if (current.trim()) {
        const [name, ...value] = current.split('=');
        out.set(name!.trim(), value.join('=').trim());
      }
      current = '';
    } else current += c;
  }
  expect(depth).toBe(0);
  return out;
}

const HOSTILE = ['Real title}, url = "https://evil.example/phish", x = "y', 'A lone { swallows', 'Escaped \\{ brace \\}', 'back\\slash\\', '100% & $5 #1 _x_ ~ ^', 'line\nbreak'];
const citation = datasetCitation('title: "Data {set}"\nauthors:\n  - name: "Maintainers } of"\ndate-released: "2026-11-22"\n', { version: '1.2.3', homepage: 'https://example.org/site' });

describe('BibTeX in the Cite this boxes', () => {
  it.each(HOSTILE)('keeps %j inside one balanced field', (text) => {
    const value = bibField(text);
    let depth = 0;
    for (const c of value) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      if (c === '}' && depth === 0) expect(value.endsWith(c)).toBe(true);
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(value).not.toMatch(/\\[{}]/);
    expect(value).not.toMatch(/\n/);
    const entry = recordBibtex(citation, { kind: 'station', id: 'it-prato-fuzhou', title: text, path: 'stations/it-prato-fuzhou.html' });
    const f = fields(entry);
    expect([...f.keys()]).toEqual(['author', 'title', 'howpublished', 'year', 'version', 'url', 'note']);
    expect(f.get('url')).toBe('{https://example.org/site/stations/it-prato-fuzhou.html}');
  });

  it('escapes what LaTeX would read as commands', () => {
    expect(bibField('100% & $5 #1 _x_ ~ ^ \\')).toBe('{100\\% \\& \\$5 \\#1 \\_x\\_ \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}');
  });

  it('percent-encodes braces, backslashes and spaces in URLs, and keeps keys plain', () => {
    expect(bibUrl('https://x.org/a b{c}\\d')).toBe('{https://x.org/a%20b%7Bc%7D%5Cd}');
    expect(bibKey('ops-1.2.3-a b}')).toBe('ops-1.2.3-a-b-');
  });

  it('names the version, the record id and its URL in the plain-text citation', () => {
    const text = recordText(citation, { kind: 'statement', id: 'x-2022', title: 'Statement by X', path: 'statements/x-2022.html' });
    expect(text).toBe('Maintainers } of. (2026). Statement by X [statement x-2022]. In Data {set} (Version 1.2.3) [Data set]. https://example.org/site/statements/x-2022.html');
  });
});
