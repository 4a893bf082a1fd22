/** Pieces of HTML shared by the pages: names, citations, reference lists, quotations, verification. */
import type { Actor, Source, Statement } from '../../schemas/index.js';
import type { Dataset } from '../build/dataset.js';
import type { DatasetCitation } from './cite.js';
import { authorName, sourceHeading } from '../build/records.js';
import { countryLabel, languageName } from './countries.js';
import { esc, words } from './html.js';

export interface Context {
  data: Dataset;
  citation: DatasetCitation;
  actor: Map<string, Actor>;
  source: Map<string, Source>;
}

export function context(data: Dataset, citation: DatasetCitation): Context {
  return { data, citation, actor: new Map(data.actors.map((a) => [a.id, a])), source: new Map(data.sources.map((s) => [s.id, s])) };
}

/** The source's headline as published, or the project's description of it in brackets. */
export const sourceTitle = (s: Source): string => sourceHeading(s);
export { authorName };

export const actorName = (ctx: Context, id: string | undefined): string => (id ? ctx.actor.get(id)?.name ?? id : '');
export const nameHtml = (ctx: Context, id: string | undefined): string => esc(actorName(ctx, id));

/** The sources of a claim, as short links to the sources page: `[Il Foglio, Reuters]`. */
export function cited(ctx: Context, sources: ReadonlyArray<{ source: string; via?: string }>, up: string): string {
  const ids = [...new Set(sources.map((c) => c.source))];
  const link = (id: string) => `<a href="${up}sources.html#${esc(id)}">${esc(ctx.source.get(id)?.publisher ?? id)}</a>`;
  const via = (c: { source: string; via?: string }) => (c.via ? ` via ${link(c.via)}` : '');
  return `<span class="cites">[${ids.map((id) => `${link(id)}${via(sources.find((c) => c.source === id)!)}`).join(', ')}]</span>`;
}

/** One source as a reference-list entry, with the passages of it that the record cites. */
export function reference(s: Source, excerpts: readonly string[] = [], via: readonly string[] = []): string {
  const authors = s.authors.map(authorName).filter(Boolean);
  const read = s.read;
  const quoted = excerpts.length ? `<ul class="excerpts">${excerpts.map((e) => `<li><q lang="${esc(s.language)}">${esc(e)}</q></li>`).join('')}</ul>` : '';
  return `<li id="ref-${esc(s.id)}">${authors.length ? `${esc(authors.join(', '))}. ` : ''}${s.date ? `(${esc(s.date)}). ` : '(n.d.). '}${s.title ? `<cite lang="${esc(s.language)}">${esc(s.title)}</cite>${s.title_en ? ` [${esc(s.title_en)}]` : ''}` : esc(sourceTitle(s))}. ${esc(s.publisher)}. <a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.url)}</a>${read && read !== 'full' ? ` <span class="note">(${esc(read === 'not-read' ? 'not read: cited through another source' : 'partly read')})</span>` : ''}${via.length ? ` <span class="note">Known through ${via.map(esc).join(', ')}.</span>` : ''}${s.notes ? ` <span class="note">${esc(s.notes)}</span>` : ''}${quoted}</li>`;
}

/** The sources a record cites, each once, with the excerpts cited from it. */
export function referenceList(ctx: Context, citations: ReadonlyArray<{ source: string; excerpt?: string; via?: string }>): string {
  const bySource = new Map<string, { excerpts: Set<string>; via: Set<string> }>();
  const entry = (id: string) => {
    if (!bySource.has(id)) bySource.set(id, { excerpts: new Set<string>(), via: new Set<string>() });
    return bySource.get(id)!;
  };
  for (const c of citations) {
    const cited = entry(c.source);
    if (c.via) cited.via.add(ctx.source.get(c.via)?.publisher ?? c.via);
    // A work that was not read is quoted through the source that was: the excerpt is that source's text.
    if (c.excerpt) entry(c.via ?? c.source).excerpts.add(c.excerpt);
  }
  const items = [...bySource].map(([id, e]) => [ctx.source.get(id), e] as const).filter((x): x is readonly [Source, { excerpts: Set<string>; via: Set<string> }] => !!x[0]);
  return items.length ? `<ol class="references">${items.map(([s, e]) => reference(s, [...e.excerpts], [...e.via])).join('\n')}</ol>` : '<p>None.</p>';
}

/** A record's verification, when the data has it: status, date checked and note. */
export function verification(record: unknown, up: string): string {
  const v = (record as { verification?: { status: string; checked: string; note?: string } }).verification;
  if (!v) return `<p class="verification"><span class="badge v-none">Verification not recorded</span> <a href="${up}about.html#verification">what this means</a></p>`;
  return `<p class="verification"><span class="badge v-${esc(v.status)}">${esc(words(v.status).replace(/^./, (c) => c.toUpperCase()))}</span> checked ${esc(v.checked)}${v.note ? `: ${esc(v.note)}` : ''} <a href="${up}about.html#verification">what this means</a></p>`;
}

/** A statement as a quotation with its caption. */
export function quote(ctx: Context, s: Statement, up: string): string {
  const by: string | undefined = s.translation_by;
  return `<figure class="statement"><blockquote lang="${esc(s.language)}">${esc(s.text)}</blockquote>${s.translation_en ? `<p class="translation">English${by === 'project' ? ' (our translation)' : by === 'machine' ? ' (machine translation)' : ''}: ${esc(s.translation_en)}</p>` : ''}<figcaption>${nameHtml(ctx, s.speaker)}, ${esc(s.date)}, ${esc(s.setting.description)} · ${s.form === 'indirect' ? 'reported speech' : 'direct quotation'} · ${esc(words(s.stance))} · <a href="${up}statements/${esc(s.id)}.html">statement page</a> ${cited(ctx, s.sources, up)}</figcaption></figure>`;
}

export const country = (code: string | undefined): string => (code ? esc(countryLabel(code)) : '');
export const language = (code: string): string => esc(`${languageName(code)} (${code})`);
