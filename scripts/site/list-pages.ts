/** The home page (maps and stations) and the lists: agreements, statements, figures, sources. */
import type { Figure, Station } from '../../schemas/index.js';
import { preferredValue } from '../build/records.js';
import { countryLabel, countryName, languageName } from './countries.js';
import { figureAsPrinted, figureDate, measureLabel, qualifierNote } from './figure-value.js';
import { esc, words, type Page } from './html.js';
import { europeMap, italyMap, worldMap, type MapDrawing } from './map.js';
import { actorName, authorName, cited, country, nameHtml, sourceTitle, type Context } from './render.js';
import { glyph, STATUS_STYLES } from './status-style.js';
import { dataTable } from './tables.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Stations listed beside the map because they cannot be placed on it (or only at a region's centre). */
function unlocated(stations: readonly Station[]): string {
  const list = stations.filter((s) => !s.coordinates || !s.city);
  if (!list.length) return '';
  return `<aside class="unlocated" aria-labelledby="unlocated-title"><h2 id="unlocated-title">Location not reported (${list.length})</h2>
<p>No city is reported for these stations${list.some((s) => s.coordinates) ? '; those with a region are drawn at its centre' : ''}.</p>
<ul>${list.map((s) => `<li><a href="stations/${esc(s.id)}.html">${glyph(s.status.value)} ${esc(s.name)}</a> <span class="muted">${esc([s.region, countryName(s.country)].filter(Boolean).join(', '))} · ${esc(words(s.status.value))}${s.coordinates ? ' · at the region’s centre' : ' · not on the map'}</span></li>`).join('')}</ul></aside>`;
}

function legend(stations: readonly Station[]): string {
  const counts = new Map<string, number>();
  for (const s of stations) counts.set(s.status.value, (counts.get(s.status.value) ?? 0) + 1);
  const statuses = Object.keys(STATUS_STYLES).filter((k) => counts.has(k));
  return `<section class="legend-block" aria-labelledby="legend-title"><h2 id="legend-title">Legend: stations by status</h2><ul class="legend">${statuses
    .map((status) => `<li>${glyph(status)} <span>${esc(words(status))}</span> <strong class="n">${counts.get(status)}</strong></li>`)
    .join('')}<li><span class="marker count static" aria-hidden="true"><span>3</span></span> <span>a group of stations too close to tell apart: select it for the list</span></li></ul>
<p class="muted">Colour, shape and letter each tell the status. What each status requires: <a href="about.html#vocabulary">the vocabulary</a>.</p></section>`;
}

export function homePage(ctx: Context): { page: Page; maps: MapDrawing[] } {
  const { stations } = ctx.data;
  const maps = [worldMap(stations), europeMap(stations), italyMap(stations)];
  const table = dataTable<Station>({
    id: 'stations-table',
    caption: 'Reported stations',
    rows: stations,
    noun: 'stations',
    columns: [
      { label: 'Station', cell: (s) => `<a href="stations/${esc(s.id)}.html">${esc(s.name)}</a>`, sort: (s) => s.name },
      { label: 'City', cell: (s) => (s.city ? esc(s.city) : `<em>not reported</em>${s.region ? ` (${esc(s.region)})` : ''}`), sort: (s) => s.city ?? s.region ?? '' },
      { label: 'Country', cell: (s) => country(s.country), sort: (s) => countryName(s.country) },
      { label: 'Status', cell: (s) => `<span class="nowrap">${glyph(s.status.value)} ${esc(words(s.status.value))}</span>`, sort: (s) => s.status.value },
      { label: 'As of', cell: (s) => esc(s.status.as_of), sort: (s) => s.status.as_of },
      { label: 'Operator (claimed)', cell: (s) => [...new Set(s.operator.map((c) => c.value))].map((id) => nameHtml(ctx, id)).join(', ') || '<em>not established</em>' },
      { label: 'Opened (claimed)', cell: (s) => esc(preferredValue(s.opened) ?? ''), sort: (s) => preferredValue(s.opened) ?? '' },
    ],
    filters: [
      { key: 'country', label: 'Country', value: (s) => s.country, text: countryLabel },
      { key: 'status', label: 'Status', value: (s) => s.status.value, text: words },
    ],
  });
  const located = stations.filter((s) => s.coordinates).length;
  const body = `<h1>China’s overseas “police stations”, as reported</h1>
<p class="lede">${stations.length} stations in ${new Set(stations.map((s) => s.country)).size} countries, as reported by an NGO, the press or investigators, with what host authorities said since. Each marker is a claim, not an established fact; select one to see who reports it and its sources. ${located} of them have a known city or region.</p>
<p class="focus-line" aria-live="polite"><span class="focus-name"></span></p>
<div class="maps">
${maps[0]!.html}
<div class="insets">${maps[1]!.html}${maps[2]!.html}</div>
</div>
<div class="beside-map">${legend(stations)}${unlocated(stations)}</div>
<h2>Stations</h2>
${table}`;
  return { page: { path: 'index.html', title: 'Map and stations', body }, maps };
}

export function agreementsPage(ctx: Context): Page {
  return {
    path: 'agreements.html',
    title: 'Agreements',
    body: `<h1>Agreements</h1>${dataTable({
      id: 'agreements-table',
      caption: 'Agreements between states or police bodies',
      rows: ctx.data.agreements,
      noun: 'agreements',
      columns: [
        { label: 'Agreement', cell: (a) => `<a href="agreements/${esc(a.id)}.html">${esc(a.title)}</a>`, sort: (a) => a.title },
        { label: 'Parties', cell: (a) => a.parties.map((id) => nameHtml(ctx, id)).join(', ') },
        { label: 'Signed (preferred account)', cell: (a) => esc(preferredValue(a.signing)?.date ?? ''), sort: (a) => preferredValue(a.signing)?.date ?? '' },
        { label: 'Accounts', cell: (a) => String(a.signing.length), sort: (a) => a.signing.length },
        { label: 'Status', cell: (a) => esc(words(a.status.value)), sort: (a) => a.status.value },
      ],
      filters: [
        { key: 'status', label: 'Status', value: (a) => a.status.value, text: words },
        { key: 'kind', label: 'Kind', value: (a) => a.kind, text: words },
      ],
    })}`,
  };
}

export function statementsPage(ctx: Context): Page {
  const rows = [...ctx.data.statements].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const speakerCountry = (id: string) => ctx.actor.get(id)?.country ?? '';
  return {
    path: 'statements.html',
    title: 'Statements',
    body: `<h1>Statements</h1><p>In date order, verbatim as the cited source prints them; reported speech is marked. Each has a page of its own.</p>${dataTable({
      id: 'statements-table',
      caption: 'What was said, by whom',
      rows,
      noun: 'statements',
      columns: [
        { label: 'Date', cell: (s) => `<a href="statements/${esc(s.id)}.html">${esc(s.date)}</a>`, sort: (s) => s.date },
        { label: 'Speaker', cell: (s) => `${nameHtml(ctx, s.speaker)}${speakerCountry(s.speaker) ? ` <span class="muted">${country(speakerCountry(s.speaker))}</span>` : ''}`, sort: (s) => actorName(ctx, s.speaker) },
        { label: 'Words', cell: (s) => `<span lang="${esc(s.language)}">${esc(s.text)}</span>${s.translation_en ? `<br><span class="translation">${esc(s.translation_en)}</span>` : ''}${s.form === 'indirect' ? ' <em>(reported speech)</em>' : ''}` },
        { label: 'Stance', cell: (s) => esc(words(s.stance)), sort: (s) => s.stance },
        { label: 'Sources', cell: (s) => cited(ctx, s.sources, '') },
      ],
      filters: [
        { key: 'speaker', label: 'Speaker', value: (s) => actorName(ctx, s.speaker) },
        { key: 'country', label: 'Country', value: (s) => speakerCountry(s.speaker), text: countryLabel },
        { key: 'stance', label: 'Stance', value: (s) => s.stance, text: words },
        { key: 'language', label: 'Language', value: (s) => s.language, text: (l) => `${languageName(l)} (${l})` },
      ],
    })}`,
  };
}

export function figuresPage(ctx: Context): Page {
  const byMeasure = new Map<string, Figure[]>();
  for (const f of ctx.data.figures) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), f]);
  /** A measure's heading: what the preferred (or first) version says it counts. */
  const heading = (measure: string) => {
    const figures = byMeasure.get(measure)!;
    return (figures.find((f) => f.preferred) ?? figures[0]!).scope.description.replace(/\.$/, '') || measureLabel(measure);
  };
  const measures = [...byMeasure.keys()].sort((a, b) => heading(a).localeCompare(heading(b)));
  const section = (measure: string) => {
    const figures = byMeasure.get(measure)!;
    const rows = figures.map((f) => `<tr id="${esc(f.id)}"><th scope="row">${esc(figureAsPrinted(f))}${f.preferred ? ' <strong class="preferred">preferred</strong>' : ''}<br><span class="muted">${esc(qualifierNote(f))}</span></th><td>${nameHtml(ctx, f.claimed_by)}${f.reported_by ? `<br><span class="muted">reported by ${nameHtml(ctx, f.reported_by)}</span>` : ''}</td><td>${esc(figureDate(f)) || '<em>not stated</em>'}</td><td>${esc(f.scope.description)}${f.scope.city || f.scope.country ? ` <span class="muted">${[f.scope.city ? esc(f.scope.city) : '', country(f.scope.country)].filter(Boolean).join(', ')}</span>` : ''}${f.scope.bureau ? ` <span class="muted">· ${nameHtml(ctx, f.scope.bureau)}</span>` : ''}</td><td>${f.preferred ? `<strong>Preferred:</strong> ${esc(f.preferred.reason)}` : ''}${f.note ? ` <span class="note">${esc(f.note)}</span>` : ''}</td><td>${cited(ctx, f.sources, '')}</td></tr>`);
    return `<section class="measure" aria-labelledby="m-${esc(measure)}"><h2 id="m-${esc(measure)}">${esc(heading(measure))} <span class="muted">(${plural(figures.length, 'version')})</span></h2>
<p class="muted">Measure <code>${esc(measure)}</code></p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="m-${esc(measure)}"><table class="sticky"><thead><tr><th scope="col">Value as printed</th><th scope="col">Claimed by</th><th scope="col">Date</th><th scope="col">Scope</th><th scope="col">Preferred version, notes</th><th scope="col">Sources</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
  };
  return {
    path: 'figures.html',
    title: 'Figures',
    body: `<h1>Figures</h1><p>Each number as its source prints it, grouped by what it measures; versions of one number are kept side by side, each with who claims it, and the preferred one says why.</p>
<nav class="toc measures" aria-label="Measures"><ul>${measures.map((m) => `<li><a href="#m-${esc(m)}">${esc(heading(m))}</a> (${byMeasure.get(m)!.length})</li>`).join('')}</ul></nav>
${measures.map(section).join('\n')}`,
  };
}

export function sourcesPage(ctx: Context): Page {
  return {
    path: 'sources.html',
    title: 'Sources',
    body: `<h1>Sources</h1>${dataTable({
      id: 'sources-table',
      caption: 'Every work cited',
      rows: ctx.data.sources,
      noun: 'sources',
      rowId: (s) => s.id,
      columns: [
        { label: 'Reference', cell: (s) => `${s.authors.length ? `${esc(s.authors.map(authorName).join(', '))}. ` : ''}${s.title ? `<cite lang="${esc(s.language)}">${esc(s.title)}</cite>${s.title_en ? ` [${esc(s.title_en)}]` : ''}` : esc(sourceTitle(s))}. ${esc(s.publisher)}. <a href="${esc(s.url)}" rel="noopener noreferrer">link<span class="visually-hidden"> to ${esc(s.publisher)}</span></a>${s.original ? ` <em>(${esc(s.relation)} of ${esc(ctx.source.get(s.original)?.publisher ?? s.original)})</em>` : ''}`, sort: (s) => sourceTitle(s) },
        { label: 'Date', cell: (s) => esc(s.date ?? ''), sort: (s) => s.date ?? '' },
        { label: 'Kind', cell: (s) => esc(words(s.kind)), sort: (s) => s.kind },
        { label: 'Reliability', cell: (s) => esc(words(s.reliability)), sort: (s) => s.reliability },
      ],
      filters: [
        { key: 'kind', label: 'Kind', value: (s) => s.kind, text: words },
        { key: 'reliability', label: 'Reliability', value: (s) => s.reliability, text: words },
        { key: 'language', label: 'Language', value: (s) => s.language, text: (l) => `${languageName(l)} (${l})` },
      ],
    })}`,
  };
}
