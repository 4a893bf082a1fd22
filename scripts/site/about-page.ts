/**
 * The About page: docs/METHODOLOGY.md rendered with markdown-it, every closed
 * vocabulary with its definitions (from the schemas), and the coverage table
 * from docs/coverage.md when it exists.
 */
import MarkdownIt from 'markdown-it';
import * as vocabularyModule from '../../schemas/vocabulary.js';
import { vocabularyOf, type VocabularyInfo } from '../../schemas/vocabulary.js';
import { esc, type Page } from './html.js';

const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/** A Markdown renderer: no raw HTML, headings one level down with ids, tables in a scroll container, relative links to the repository. */
export function markdown(docsUrl: string | undefined, idPrefix: string): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const seen = new Map<string, number>();
  md.core.ruler.push('heading_ids_and_levels', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== 'heading_open' && t.type !== 'heading_close') continue;
      t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
      if (t.type === 'heading_open') {
        const base = `${idPrefix}${slug(tokens[i + 1]?.content ?? '') || 'section'}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        t.attrSet('id', n ? `${base}-${n + 1}` : base);
      }
    }
  });
  md.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx]!.attrGet('href') ?? '');
    if (docsUrl && !/^[a-z][a-z0-9+.-]*:|^#|^\//i.test(href)) tokens[idx]!.attrSet('href', new URL(href, docsUrl).href);
    return defaultLink(tokens, idx, options, env, self);
  };
  return md;
}

/** The vocabularies the reader needs first, then the rest in the schema's order. */
const FIRST = ['station status', 'agreement status', 'qualifier', 'verification status'];

export function vocabularies(): VocabularyInfo[] {
  const all = Object.values(vocabularyModule)
    .map((v) => (v && typeof v === 'object' && '_zod' in v ? vocabularyOf(v as Parameters<typeof vocabularyOf>[0]) : undefined))
    .filter((v): v is VocabularyInfo => !!v);
  const unique = [...new Map(all.map((v) => [v.name, v])).values()];
  const rank = (v: VocabularyInfo) => (FIRST.includes(v.name) ? FIRST.indexOf(v.name) : FIRST.length);
  return unique.sort((a, b) => rank(a) - rank(b));
}

function vocabularyTable(v: VocabularyInfo): string {
  const id = /verification/.test(v.name) ? 'verification' : `v-${slug(v.name)}`;
  return `<section aria-labelledby="${id}"><h3 id="${id}">${esc(v.name.replace(/^./, (c) => c.toUpperCase()))}</h3><p>${esc(v.description)}</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}"><table class="sticky vocabulary"><thead><tr><th scope="col">Value</th><th scope="col">Definition</th></tr></thead><tbody>${Object.entries(v.terms)
    .map(([term, definition]) => `<tr><th scope="row"><code>${esc(term)}</code></th><td>${esc(definition)}</td></tr>`)
    .join('')}</tbody></table></div></section>`;
}

export function aboutPage(methodology: string, coverage: string | undefined, docsUrl: string | undefined): Page {
  const vocab = vocabularies();
  const hasVerification = vocab.some((v) => /verification/.test(v.name));
  const body = `<h1>About the method</h1>
<nav class="toc" aria-label="On this page"><ul><li><a href="#methodology">Methodology</a></li><li><a href="#vocabulary">Vocabulary</a></li>${coverage ? '<li><a href="#coverage">Coverage</a></li>' : ''}</ul></nav>
<section id="methodology" aria-label="Methodology">
${markdown(docsUrl, 'm-').render(methodology)}
</section>
<section aria-labelledby="vocabulary"><h2 id="vocabulary">Vocabulary</h2>
<p>Every closed list of values the records use, with what each value means, as the schemas define them.</p>
${vocab.map(vocabularyTable).join('\n')}
${hasVerification ? '' : '<section aria-labelledby="verification"><h3 id="verification">Verification</h3><p>This release records no verification status on its records.</p></section>'}
</section>
${coverage ? `<section aria-labelledby="coverage"><h2 id="coverage">Coverage</h2>\n${markdown(docsUrl, 'c-').render(coverage)}</section>` : ''}`;
  return { path: 'about.html', title: 'About the method', body };
}
