/** Every page of the site, built from the release's records. */
import type { Agreement, Figure, Source, Station, Statement } from '../../schemas/index.js';
import type { Dataset } from '../build/dataset.js';
import { authorName, citationsOf, preferredValue, sourceHeading } from '../build/records.js';
import { esc, type Page } from './html.js';
import { italyMap, legend, worldMap } from './map.js';
import { dataTable } from './tables.js';

export interface Download {
  path: string;
  bytes: number;
  label: string;
}

const humanSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function buildPages(data: Dataset, version: string, downloads: readonly Download[], citation: { apa: string; bibtex: string }): Page[] {
  const actor = new Map(data.actors.map((a) => [a.id, a]));
  const source = new Map(data.sources.map((s) => [s.id, s]));
  const name = (id: string | undefined) => (id ? esc(actor.get(id)?.name ?? id) : '');
  const sourceLink = (id: string, up: string) => `<a href="${up}sources.html#${esc(id)}">${esc(source.get(id)?.publisher ?? id)}</a>`;
  const cited = (sources: ReadonlyArray<{ source: string }>, up: string) => `<span class="cites">[${[...new Set(sources.map((c) => c.source))].map((id) => sourceLink(id, up)).join(', ')}]</span>`;

  const reference = (s: Source) => {
    const authors = s.authors.length ? `${esc(s.authors.map(authorName).join(', '))}. ` : '';
    return `<li id="${esc(s.id)}">${authors}${s.date ? `(${esc(s.date)}). ` : '(n.d.). '}${s.title ? `<cite>${esc(s.title)}</cite>` : esc(sourceHeading(s))}. ${esc(s.publisher)}. <a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.url)}</a>${s.notes ? ` <span class="note">${esc(s.notes)}</span>` : ''}</li>`;
  };
  const referenceList = (ids: Iterable<string>) => `<ol class="references">${[...new Set(ids)].map((id) => source.get(id)).filter((s): s is Source => !!s).map(reference).join('\n')}</ol>`;

  const quote = (s: Statement, up: string) =>
    `<figure class="statement"><blockquote lang="${esc(s.language)}">${esc(s.text)}</blockquote>${s.translation_en ? `<p class="translation">English${s.translation_by === 'project' ? ' (our translation)' : ''}: ${esc(s.translation_en)}</p>` : ''}<figcaption>${name(s.speaker)}, ${esc(s.date)}, ${esc(s.setting.description)} · ${s.form === 'indirect' ? 'reported speech' : 'direct quotation'} · ${esc(s.stance)} ${cited(s.sources, up)}</figcaption></figure>`;

  const figureTable = (figures: readonly Figure[], up: string) =>
    figures.length
      ? `<table class="figures"><thead><tr><th scope="col">Measure</th><th scope="col">Value</th><th scope="col">Claimed by</th><th scope="col">Scope</th><th scope="col">Sources</th></tr></thead><tbody>${figures
          .map((f) => `<tr><td>${esc(f.measure)}</td><td>${esc(f.qualifier.replace(/-/g, ' '))} ${esc(f.value.toLocaleString('en'))} ${esc(f.unit)}${f.preferred ? ' <strong>(preferred)</strong>' : ''}</td><td>${name(f.claimed_by)}</td><td>${esc(f.scope.description)}</td><td>${cited(f.sources, up)}</td></tr>`)
          .join('')}</tbody></table>`
      : '';

  const claimList = (label: string, claims: ReadonlyArray<{ value: string; claimed_by?: string; sources: ReadonlyArray<{ source: string }>; preferred?: { reason: string }; note?: string }>, show: (v: string) => string, up: string) =>
    `<dt>${esc(label)}</dt><dd>${
      claims.length
        ? `<ul>${claims.map((c) => `<li>${show(c.value)}${c.claimed_by ? ` — according to ${name(c.claimed_by)}` : ''}${c.preferred ? ` <strong>(preferred: ${esc(c.preferred.reason)})</strong>` : ''}${c.note ? ` <span class="note">${esc(c.note)}</span>` : ''} ${cited(c.sources, up)}</li>`).join('')}</ul>`
        : '<em>Not established</em>'
    }</dd>`;

  const stationPage = (s: Station): Page => {
    const up = '../';
    const about = data.statements.filter((st) => st.about.stations?.includes(s.id));
    const figureIds = new Set(about.flatMap((st) => st.about.figures ?? []));
    const measures = new Set(data.figures.filter((f) => figureIds.has(f.id)).map((f) => f.measure));
    const figures = data.figures.filter((f) => measures.has(f.measure));
    const body = `<h1>${esc(s.name)}</h1>
${s.name_original ? `<p lang="${esc(s.name_original.language)}">${esc(s.name_original.text)}</p>` : ''}
<p class="where">${esc([s.city, s.region].filter(Boolean).join(', '))} ${esc(s.country)}</p>
<p class="status"><span class="badge status-${esc(s.status.value)}">${esc(s.status.value.replace(/-/g, ' '))}</span> as of ${esc(s.status.as_of)}: ${esc(s.status.basis)} ${cited(s.status.sources, up)}</p>
<dl class="claims">
${claimList('Reported by', s.reported_by, name, up)}
${claimList('Operating bureau (claimed)', s.operator, name, up)}
${claimList('Opened (claimed)', s.opened, esc, up)}
${claimList('Address', s.address, esc, up)}
${claimList('Host organisation', s.host_organisation, name, up)}
</dl>
${s.notes ? `<p class="note">${esc(s.notes)}</p>` : ''}
<h2>History</h2>
${s.history.length ? `<ol class="history">${s.history.map((e) => `<li><time>${esc(e.date)}</time> <span class="kind">${esc(e.kind.replace(/-/g, ' '))}</span>: ${esc(e.description)} ${cited(e.sources, up)}</li>`).join('')}</ol>` : '<p>No dated events recorded.</p>'}
<h2>Statements about this station (${about.length})</h2>
${about.map((st) => quote(st, up)).join('\n') || '<p>None recorded.</p>'}
${figures.length ? `<h2>Figures, side by side</h2>${figureTable(figures, up)}` : ''}
<h2>Sources</h2>
${referenceList(citationsOf(s).map((c) => c.source))}`;
    return { path: `stations/${s.id}.html`, title: s.name, body };
  };

  const agreementPage = (a: Agreement): Page => {
    const up = '../';
    const about = data.statements.filter((st) => st.about.agreements?.includes(a.id));
    const body = `<h1>${esc(a.title)}</h1>
${(a.title_original ?? []).map((t) => `<p lang="${esc(t.language)}">${esc(t.text)}</p>`).join('')}
<p>${esc(a.kind.replace(/-/g, ' '))} between ${a.parties.map(name).join(' and ')}. ${esc(a.subject)}</p>
<p class="status"><span class="badge">${esc(a.status.value.replace(/-/g, ' '))}</span> as of ${esc(a.status.as_of)} ${cited(a.status.sources, up)}</p>
<h2>Signing: every account, side by side</h2>
${a.signing.length ? `<table class="signing"><thead><tr><th scope="col">Date</th><th scope="col">Place</th><th scope="col">Signatories</th><th scope="col">According to</th><th scope="col">Notes</th></tr></thead><tbody>${a.signing.map((c) => `<tr><td>${esc(c.value.date ?? 'not stated')}</td><td>${esc(c.value.place ?? 'not stated')}</td><td>${c.value.signatories.map(name).join(', ') || 'not stated'}</td><td>${c.claimed_by ? name(c.claimed_by) : ''} ${cited(c.sources, up)}</td><td>${c.preferred ? `<strong>Preferred: ${esc(c.preferred.reason)}</strong> ` : ''}${esc(c.note ?? '')}</td></tr>`).join('')}</tbody></table>` : '<p>No signing recorded.</p>'}
<h2>Events</h2>
${a.events.length ? `<ol class="history">${a.events.map((e) => `<li><time>${esc(e.date)}${e.end ? `–${esc(e.end)}` : ''}</time> <span class="kind">${esc(e.kind.replace(/-/g, ' '))}</span>: ${esc(e.description)} ${cited(e.sources, up)}</li>`).join('')}</ol>` : '<p>None recorded.</p>'}
${a.notes ? `<p class="note">${esc(a.notes)}</p>` : ''}
<h2>Statements about this agreement (${about.length})</h2>
${about.map((st) => quote(st, up)).join('\n') || '<p>None recorded.</p>'}
<h2>Sources</h2>
${referenceList(citationsOf(a).map((c) => c.source))}`;
    return { path: `agreements/${a.id}.html`, title: a.title, body };
  };

  const stationsTable = dataTable(
    'stations-table', 'Reported stations', data.stations,
    [
      { label: 'Station', cell: (s) => `<a href="stations/${esc(s.id)}.html">${esc(s.name)}</a>`, sort: (s) => s.name },
      { label: 'City', cell: (s) => esc(s.city ?? s.region ?? ''), sort: (s) => s.city ?? s.region ?? '' },
      { label: 'Country', cell: (s) => esc(s.country), sort: (s) => s.country },
      { label: 'Status', cell: (s) => `<span class="badge status-${esc(s.status.value)}">${esc(s.status.value.replace(/-/g, ' '))}</span>`, sort: (s) => s.status.value },
      { label: 'As of', cell: (s) => esc(s.status.as_of), sort: (s) => s.status.as_of },
      { label: 'Operator (claimed)', cell: (s) => [...new Set(s.operator.map((c) => c.value))].map(name).join(', ') || '<em>not established</em>' },
      { label: 'Opened (claimed)', cell: (s) => esc(preferredValue(s.opened) ?? ''), sort: (s) => preferredValue(s.opened) ?? '' },
    ],
    [{ key: 'country', label: 'Country', value: (s) => s.country }, { key: 'status', label: 'Status', value: (s) => s.status.value }],
    'stations',
  );

  const index: Page = {
    path: 'index.html',
    title: 'Map and stations',
    body: `<h1>China’s overseas “police stations”, as reported</h1>
<p class="lede">${data.stations.length} stations in ${new Set(data.stations.map((s) => s.country)).size} countries, as reported by an NGO, the press or investigators, with what host authorities said since. Each marker is a claim, not an established fact; select one to see who reports it and its sources.</p>
<div class="maps">
<figure>${worldMap(data.stations)}<figcaption>Stations with a known city or region. <span class="focus-name" aria-live="polite"></span></figcaption></figure>
<figure>${italyMap(data.stations)}<figcaption>Italy: the eleven stations reported by Safeguard Defenders (markers in one city are spread around it).</figcaption></figure>
</div>
${legend()}
<h2>Stations</h2>
${stationsTable}`,
  };

  const agreements: Page = {
    path: 'agreements.html',
    title: 'Agreements',
    body: `<h1>Agreements</h1>${dataTable('agreements-table', 'Agreements between states or police bodies', data.agreements,
      [
        { label: 'Agreement', cell: (a) => `<a href="agreements/${esc(a.id)}.html">${esc(a.title)}</a>`, sort: (a) => a.title },
        { label: 'Parties', cell: (a) => a.parties.map(name).join(', ') },
        { label: 'Signed (preferred account)', cell: (a) => esc(preferredValue(a.signing)?.date ?? ''), sort: (a) => preferredValue(a.signing)?.date ?? '' },
        { label: 'Accounts', cell: (a) => String(a.signing.length), sort: (a) => a.signing.length },
        { label: 'Status', cell: (a) => esc(a.status.value.replace(/-/g, ' ')), sort: (a) => a.status.value },
      ],
      [{ key: 'status', label: 'Status', value: (a) => a.status.value }, { key: 'kind', label: 'Kind', value: (a) => a.kind }], 'agreements')}`,
  };

  const statements: Page = {
    path: 'statements.html',
    title: 'Statements',
    body: `<h1>Statements</h1><p>Verbatim as the cited source prints them; reported speech is marked.</p>${dataTable('statements-table', 'What was said, by whom', data.statements,
      [
        { label: 'Date', cell: (s) => esc(s.date), sort: (s) => s.date },
        { label: 'Speaker', cell: (s) => name(s.speaker), sort: (s) => actor.get(s.speaker)?.name ?? s.speaker },
        { label: 'Words', cell: (s) => `<span lang="${esc(s.language)}">${esc(s.text)}</span>${s.translation_en ? `<br><span class="translation">${esc(s.translation_en)}</span>` : ''}${s.form === 'indirect' ? ' <em>(reported speech)</em>' : ''}` },
        { label: 'Stance', cell: (s) => esc(s.stance), sort: (s) => s.stance },
        { label: 'Sources', cell: (s) => cited(s.sources, '') },
      ],
      [{ key: 'speaker', label: 'Speaker', value: (s) => actor.get(s.speaker)?.name ?? s.speaker }, { key: 'stance', label: 'Stance', value: (s) => s.stance }, { key: 'language', label: 'Language', value: (s) => s.language }], 'statements')}`,
  };

  const figures: Page = {
    path: 'figures.html',
    title: 'Figures',
    body: `<h1>Figures</h1><p>Rows with the same measure are versions of one number; conflicting values are kept side by side.</p>${dataTable('figures-table', 'Numbers that circulate, each attributed', data.figures,
      [
        { label: 'Measure', cell: (f) => esc(f.measure), sort: (f) => f.measure },
        { label: 'Value', cell: (f) => `${esc(f.qualifier.replace(/-/g, ' '))} ${esc(f.value.toLocaleString('en'))} ${esc(f.unit)}${f.preferred ? ' <strong>(preferred)</strong>' : ''}`, sort: (f) => f.value },
        { label: 'Scope', cell: (f) => esc(f.scope.description) },
        { label: 'Claimed by', cell: (f) => name(f.claimed_by), sort: (f) => actor.get(f.claimed_by)?.name ?? '' },
        { label: 'Sources', cell: (f) => cited(f.sources, '') },
      ],
      [{ key: 'measure', label: 'Measure', value: (f) => f.measure }, { key: 'claimant', label: 'Claimed by', value: (f) => actor.get(f.claimed_by)?.name ?? f.claimed_by }], 'figures')}`,
  };

  const sources: Page = {
    path: 'sources.html',
    title: 'Sources',
    body: `<h1>Sources</h1>${dataTable('sources-table', 'Every work cited', data.sources,
      [
        { label: 'Reference', cell: (s) => `<span id="${esc(s.id)}"></span>${s.authors.length ? `${esc(s.authors.map(authorName).join(', '))}. ` : ''}${s.title ? `<cite>${esc(s.title)}</cite>` : esc(sourceHeading(s))}. ${esc(s.publisher)}. <a href="${esc(s.url)}" rel="noopener noreferrer">link</a>${s.original ? ` <em>(${esc(s.relation)} of ${esc(source.get(s.original)?.publisher ?? s.original)})</em>` : ''}`, sort: (s) => sourceHeading(s) },
        { label: 'Date', cell: (s) => esc(s.date ?? ''), sort: (s) => s.date ?? '' },
        { label: 'Kind', cell: (s) => esc(s.kind), sort: (s) => s.kind },
        { label: 'Reliability', cell: (s) => esc(s.reliability), sort: (s) => s.reliability },
      ],
      [{ key: 'kind', label: 'Kind', value: (s) => s.kind }, { key: 'reliability', label: 'Reliability', value: (s) => s.reliability }, { key: 'language', label: 'Language', value: (s) => s.language }], 'sources')}`,
  };

  const downloadsPage: Page = {
    path: 'downloads.html',
    title: 'Downloads and citation',
    body: `<h1>Downloads</h1>
<ul class="downloads">${downloads.map((d) => `<li><a href="${esc(d.path)}" download>${esc(d.label)}</a> <span class="size">${humanSize(d.bytes)}</span></li>`).join('\n')}</ul>
<h2>How to cite</h2>
<h3>APA</h3>
<pre id="cite-apa">${esc(citation.apa)}</pre>
<button type="button" data-copy="cite-apa">Copy APA citation</button>
<h3>BibTeX</h3>
<pre id="cite-bibtex">${esc(citation.bibtex)}</pre>
<button type="button" data-copy="cite-bibtex">Copy BibTeX</button>
<p class="copied" aria-live="polite"></p>`,
  };

  return [index, agreements, statements, figures, sources, downloadsPage, ...data.stations.map(stationPage), ...data.agreements.map(agreementPage)];
}
