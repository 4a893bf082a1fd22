/** A page per station, agreement and statement, each with its sources, verification and a "Cite this" box. */
import type { Agreement, Figure, Station, Statement } from '../../schemas/index.js';
import { citationsOf } from '../build/records.js';
import { citeBox } from './cite.js';
import { figureAsPrinted, figureDate, measureLabel } from './figure-value.js';
import { esc, words, type Page } from './html.js';
import { cited, country, language, nameHtml, quote, referenceList, verification, type Context } from './render.js';
import { glyph } from './status-style.js';

const up = '../';

type ClaimLike = { value: string; claimed_by?: string; sources: ReadonlyArray<{ source: string; via?: string }>; preferred?: { reason: string }; note?: string };

function claimList(ctx: Context, label: string, claims: readonly ClaimLike[], show: (v: string) => string): string {
  return `<dt>${esc(label)}</dt><dd>${
    claims.length
      ? `<ul>${claims.map((c) => `<li>${show(c.value)}${c.claimed_by ? ` — according to ${nameHtml(ctx, c.claimed_by)}` : ''}${c.preferred ? ` <strong>(preferred: ${esc(c.preferred.reason)})</strong>` : ''}${c.note ? ` <span class="note">${esc(c.note)}</span>` : ''} ${cited(ctx, c.sources, up)}</li>`).join('')}</ul>`
      : '<em>Not established</em>'
  }</dd>`;
}

function figureTable(ctx: Context, figures: readonly Figure[]): string {
  if (!figures.length) return '';
  const rows = figures.map((f) => `<tr><th scope="row"><a href="${up}figures.html#${esc(f.id)}">${esc(measureLabel(f.measure))}</a></th><td>${esc(figureAsPrinted(f))}${f.preferred ? ' <strong>(preferred)</strong>' : ''}</td><td>${nameHtml(ctx, f.claimed_by)}</td><td>${esc(figureDate(f))}</td><td>${esc(f.scope.description)}</td><td>${cited(ctx, f.sources, up)}</td></tr>`);
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="Figures, side by side"><table class="figures sticky"><thead><tr><th scope="col">Measure</th><th scope="col">Value as printed</th><th scope="col">Claimed by</th><th scope="col">Date</th><th scope="col">Scope</th><th scope="col">Sources</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

const statementsAbout = (list: readonly Statement[], ctx: Context) => list.map((st) => quote(ctx, st, up)).join('\n') || '<p>None recorded.</p>';

export function stationPage(ctx: Context, s: Station): Page {
  const about = ctx.data.statements.filter((st) => st.about.stations?.includes(s.id)).sort((a, b) => a.date.localeCompare(b.date));
  const figureIds = new Set(about.flatMap((st) => st.about.figures ?? []));
  const measures = new Set(ctx.data.figures.filter((f) => figureIds.has(f.id)).map((f) => f.measure));
  const figures = ctx.data.figures.filter((f) => measures.has(f.measure));
  const where = [s.city, s.region].filter(Boolean).join(', ');
  const path = `stations/${s.id}.html`;
  const body = `<h1>${esc(s.name)}</h1>
${s.name_original ? `<p class="original" lang="${esc(s.name_original.language)}">${esc(s.name_original.text)}</p>` : ''}
<p class="where">${where ? `${esc(where)}, ` : '<em>Location not reported</em> · '}${country(s.country)}${s.coordinates ? ` <span class="muted">(map position: centre of the ${esc(s.coordinates.precision)})</span>` : ''}</p>
<p class="status">${glyph(s.status.value)} <span class="badge">${esc(words(s.status.value))}</span> as of ${esc(s.status.as_of)}: ${esc(s.status.basis)} ${cited(ctx, s.status.sources, up)}</p>
${verification(s, up)}
<dl class="claims">
${claimList(ctx, 'Reported by', s.reported_by, (v) => nameHtml(ctx, v))}
${claimList(ctx, 'Operating bureau (claimed)', s.operator, (v) => nameHtml(ctx, v))}
${claimList(ctx, 'Opened (claimed)', s.opened, esc)}
${claimList(ctx, 'Address', s.address, esc)}
${claimList(ctx, 'Host organisation', s.host_organisation, (v) => nameHtml(ctx, v))}
</dl>
${s.notes ? `<p class="note">${esc(s.notes)}</p>` : ''}
<h2>History</h2>
${s.history.length ? `<ol class="history">${s.history.map((e) => `<li><time>${esc(e.date)}</time> <span class="kind">${esc(words(e.kind))}</span>: ${esc(e.description)} ${cited(ctx, e.sources, up)}</li>`).join('')}</ol>` : '<p>No dated events recorded.</p>'}
<h2>Statements about this station (${about.length})</h2>
${statementsAbout(about, ctx)}
${figures.length ? `<h2>Figures, side by side</h2>${figureTable(ctx, figures)}` : ''}
<h2>Sources</h2>
${referenceList(ctx, citationsOf(s))}
${citeBox(ctx.citation, { kind: 'station', id: s.id, title: s.name, path })}`;
  return { path, title: s.name, body };
}

export function agreementPage(ctx: Context, a: Agreement): Page {
  const about = ctx.data.statements.filter((st) => st.about.agreements?.includes(a.id)).sort((x, y) => x.date.localeCompare(y.date));
  const path = `agreements/${a.id}.html`;
  const signing = a.signing.length
    ? `<div class="table-scroll" tabindex="0" role="region" aria-label="Signing accounts"><table class="signing sticky"><thead><tr><th scope="col">Date</th><th scope="col">Place</th><th scope="col">Signatories</th><th scope="col">According to</th><th scope="col">Notes</th></tr></thead><tbody>${a.signing
        .map((c) => `<tr><td>${esc(c.value.date ?? 'not stated')}</td><td>${esc(c.value.place ?? 'not stated')}</td><td>${c.value.signatories.map((id) => nameHtml(ctx, id)).join(', ') || 'not stated'}</td><td>${c.claimed_by ? nameHtml(ctx, c.claimed_by) : ''} ${cited(ctx, c.sources, up)}</td><td>${c.preferred ? `<strong>Preferred: ${esc(c.preferred.reason)}</strong> ` : ''}${esc(c.note ?? '')}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '<p>No signing recorded.</p>';
  const body = `<h1>${esc(a.title)}</h1>
${(a.title_original ?? []).map((t) => `<p class="original" lang="${esc(t.language)}">${esc(t.text)}</p>`).join('')}
<p>${esc(words(a.kind).replace(/^./, (c) => c.toUpperCase()))} between ${a.parties.map((id) => nameHtml(ctx, id)).join(' and ')}. ${esc(a.subject)}</p>
<p class="status"><span class="badge">${esc(words(a.status.value))}</span> as of ${esc(a.status.as_of)} ${cited(ctx, a.status.sources, up)}</p>
${verification(a, up)}
<h2>Signing: every account, side by side</h2>
${signing}
<h2>Events</h2>
${a.events.length ? `<ol class="history">${a.events.map((e) => `<li><time>${esc(e.date)}${e.end ? `–${esc(e.end)}` : ''}</time> <span class="kind">${esc(words(e.kind))}</span>: ${esc(e.description)} ${cited(ctx, e.sources, up)}</li>`).join('')}</ol>` : '<p>None recorded.</p>'}
${a.notes ? `<p class="note">${esc(a.notes)}</p>` : ''}
<h2>Statements about this agreement (${about.length})</h2>
${statementsAbout(about, ctx)}
<h2>Sources</h2>
${referenceList(ctx, citationsOf(a))}
${citeBox(ctx.citation, { kind: 'agreement', id: a.id, title: a.title, path })}`;
  return { path, title: a.title, body };
}

export function statementPage(ctx: Context, s: Statement): Page {
  const path = `statements/${s.id}.html`;
  const x = s;
  const speaker = ctx.actor.get(s.speaker);
  const links = (label: string, ids: readonly string[] | undefined, href: (id: string) => string, text: (id: string) => string) =>
    ids?.length ? `<dt>${esc(label)}</dt><dd><ul>${ids.map((id) => `<li><a href="${href(id)}">${esc(text(id))}</a></li>`).join('')}</ul></dd>` : '';
  const station = new Map(ctx.data.stations.map((st) => [st.id, st]));
  const agreement = new Map(ctx.data.agreements.map((ag) => [ag.id, ag]));
  const figure = new Map(ctx.data.figures.map((f) => [f.id, f]));
  const title = `${speaker?.name ?? s.speaker}, ${s.date}`;
  const body = `<h1>${esc(speaker?.name ?? s.speaker)}, ${esc(s.date)}</h1>
<p class="muted">${esc(speaker?.role ?? '')}</p>
<figure class="statement large"><blockquote lang="${esc(s.language)}">${esc(s.text)}</blockquote>
${s.translation_en ? `<p class="translation">English${x.translation_by === 'project' ? ' (our translation)' : x.translation_by === 'machine' ? ' (machine translation)' : ' (as printed by the source)'}: ${esc(s.translation_en)}</p>` : ''}
<figcaption>${s.form === 'indirect' ? 'Reported speech: the source’s own words reporting what was said, not a quotation' : 'Direct quotation, verbatim as the source prints it'} ${cited(ctx, s.sources, up)}</figcaption></figure>
${verification(s, up)}
<dl class="claims">
<dt>Speaker</dt><dd>${nameHtml(ctx, s.speaker)}${speaker?.country ? ` (${country(speaker.country)})` : ''}</dd>
<dt>Date</dt><dd>${esc(s.date)}${s.date_note ? ` <span class="note">${esc(s.date_note)}</span>` : ''}</dd>
<dt>Setting</dt><dd>${esc(words(s.setting.kind))}: ${esc(s.setting.description)}${s.setting.outlet ? ` (${nameHtml(ctx, s.setting.outlet)})` : ''}</dd>
<dt>Stance</dt><dd>${esc(words(s.stance))}</dd>
<dt>Language</dt><dd>${language(s.language)}${s.spoken_language && s.spoken_language !== s.language ? `; spoken in ${language(s.spoken_language)}` : ''}${x.text_translation ? `; translated by ${x.text_translation.by ? nameHtml(ctx, x.text_translation.by) : esc(x.text_translation.kind)}` : ''}</dd>
${s.context ? `<dt>Context</dt><dd>${esc(s.context)}</dd>` : ''}
${links('Stations', s.about.stations, (id) => `${up}stations/${esc(id)}.html`, (id) => station.get(id)?.name ?? id)}
${links('Agreements', s.about.agreements, (id) => `${up}agreements/${esc(id)}.html`, (id) => agreement.get(id)?.title ?? id)}
${links('Figures', s.about.figures, (id) => `${up}figures.html#${esc(id)}`, (id) => (figure.get(id) ? `${measureLabel(figure.get(id)!.measure)}: ${figureAsPrinted(figure.get(id)!)}` : id))}
</dl>
<h2>Sources</h2>
${referenceList(ctx, citationsOf(s))}
${citeBox(ctx.citation, { kind: 'statement', id: s.id, title: `Statement by ${speaker?.name ?? s.speaker}, ${s.date}`, path })}`;
  return { path, title, body };
}
