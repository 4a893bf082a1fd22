/** The site's stylesheet and script: small, local, no external requests. */
import { statusCss } from './status-style.js';

const FONTS = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif`;

export const CSS = `:root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --bg: #ffffff; --accent: #1d4ed8; --soft: #f3f4f6; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 ${FONTS}; color: var(--ink); background: var(--bg); }
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", ${FONTS}; }
:lang(ja) { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", ${FONTS}; }
:lang(ko) { font-family: "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", ${FONTS}; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 10; }
.skip:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header { border-bottom: 1px solid var(--line); padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; }
.brand { margin: 0; font-weight: 700; } .brand a { color: var(--ink); text-decoration: none; } .version { color: var(--muted); font-weight: 400; font-size: .9em; }
nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
header nav a { display: inline-block; padding: .15rem 0; min-height: 24px; }
nav a[aria-current], nav a.section { font-weight: 700; color: var(--ink); }
main { padding: 1rem; max-width: 1200px; margin: 0 auto; overflow-wrap: break-word; }
footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; font-size: .9em; }
h1 { line-height: 1.2; }
@media (max-width: 600px) { h1 { font-size: 1.6rem; } }
.lede { font-size: 1.1em; max-width: 60rem; }
.muted, .note, .translation, .cites { color: var(--muted); }
.cites { font-size: .9em; }
.nowrap { white-space: nowrap; }
code { font-size: .95em; overflow-wrap: anywhere; }
/* maps */
.maps { display: grid; gap: 1rem; }
.insets { display: grid; grid-template-columns: 3fr 2fr; gap: 1rem; align-items: start; }
@media (max-width: 1000px) { .insets { grid-template-columns: 1fr; } }
.layer { display: contents; }
.layer-wide { display: none; }
@media (min-width: 1001px) { .layer-narrow { display: none; } .layer-wide { display: contents; } }
figure.map { margin: 0; }
.map-canvas { position: relative; width: 100%; border: 1px solid var(--line); background: #f8fafc; }
.map-canvas img { display: block; width: 100%; height: auto; }
.map figcaption { font-size: .9em; color: var(--muted); margin-top: .25rem; }
.focus-line { min-height: 1.5em; margin: .25rem 0; font-weight: 700; }
.marker { position: absolute; transform: translate(-50%, -50%); min-width: 24px; min-height: 24px; display: flex; align-items: center; justify-content: center; text-decoration: none; color: var(--ink); cursor: pointer; z-index: 1; }
.marker:hover, .marker:focus-visible { z-index: 3; }
.marker:hover .glyph { transform: scale(1.25); }
.glyph { position: relative; isolation: isolate; display: inline-flex; align-items: center; justify-content: center; width: 22px; height: 22px; font: 700 12px/1 ${FONTS}; color: var(--glyph-ink, #000); vertical-align: middle; filter: drop-shadow(0 0 1px #000) drop-shadow(0 0 .5px #000); flex: none; }
.glyph::before { content: ""; position: absolute; inset: 0; z-index: -1; background: var(--fill); clip-path: var(--clip); }
${statusCss()}
.marker.region { background: #fff; border: 2px solid #111827; border-radius: 12px; padding: 0 .45rem; font: 700 13px/20px ${FONTS}; white-space: nowrap; }
.marker.count, .marker.count.static { width: 26px; height: 26px; border-radius: 50%; background: #fff; border: 2px solid #111827; font-weight: 700; font-size: 13px; list-style: none; }
.marker.count.static { position: static; transform: none; display: inline-flex; vertical-align: middle; }
summary.marker::-webkit-details-marker { display: none; }
summary.marker::marker { content: ""; }
details.cluster[open] > summary { background: #111827; color: #fff; }
.cluster-list { position: absolute; left: .5rem; right: .5rem; bottom: .5rem; z-index: 5; max-height: 75%; overflow: auto; background: #fff; border: 2px solid #111827; border-radius: .3rem; padding: .5rem .75rem; font-size: .9em; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.cluster-list p { margin: 0 0 .25rem; font-weight: 700; }
.cluster-list ul, .unlocated ul, .legend { list-style: none; padding: 0; margin: 0; }
.cluster-list li, .unlocated li { margin: .3rem 0; }
.cluster-list a, .unlocated a { display: inline-flex; align-items: center; gap: .35rem; min-height: 24px; }
.beside-map { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
@media (max-width: 800px) { .beside-map { grid-template-columns: 1fr; } }
.beside-map h2 { font-size: 1.15em; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.legend .n { font-variant-numeric: tabular-nums; }
/* tables */
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0; }
.filters label { display: flex; flex-direction: column; min-width: 0; max-width: 100%; font-size: .95em; }
.filters select, .filters input { font: inherit; padding: .25rem .4rem; min-height: 32px; max-width: 100%; }
.table-scroll { overflow-x: auto; max-width: 100%; border: 1px solid transparent; }
table { border-collapse: separate; border-spacing: 0; width: 100%; font-size: .95em; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
table.sticky { min-width: 44rem; }
table.sticky.vocabulary { min-width: 30rem; }
table.sticky.md { min-width: 0; }
table.sticky > * > tr > :first-child { position: sticky; left: 0; z-index: 1; background: var(--bg); box-shadow: 1px 0 0 var(--line); max-width: 14rem; }
tbody th { font-weight: 400; }
@media (max-width: 600px) { table.sticky > * > tr > :first-child { max-width: 9rem; min-width: 7rem; } }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: .1rem 0; min-height: 24px; cursor: pointer; color: var(--ink); text-align: left; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
tr[hidden] { display: none; }
tr:target > * { background: #fef9c3; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; background: var(--soft); border: 1px solid var(--line); }
.verification .badge { font-weight: 700; }
.v-verified, .v-corrected { background: #e0f2fe; border-color: #0072B2; }
.v-partly-verified { background: #fff7e0; border-color: #E69F00; }
.v-unverifiable, .v-none { background: #f3f4f6; border-color: #595959; }
.preferred { white-space: nowrap; }
blockquote { margin: 0; padding-left: 1rem; border-left: 4px solid var(--line); }
.statement { margin: 1rem 0; } .statement figcaption { color: var(--muted); font-size: .9em; }
.statement.large blockquote { font-size: 1.15em; }
.original { font-size: 1.1em; }
.history time { font-variant-numeric: tabular-nums; font-weight: 700; }
dl.claims dt { font-weight: 700; margin-top: .5rem; } dl.claims dd { margin-left: 1rem; }
.references a { overflow-wrap: anywhere; }
.references li { margin: .4rem 0; }
.excerpts { margin: .2rem 0 0; padding-left: 1rem; color: var(--muted); font-size: .95em; } .excerpts li { margin: .1rem 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: .75rem; border-radius: .3rem; font-size: .9em; }
button { font: inherit; min-height: 32px; padding: .3rem .8rem; }
.cite { border: 1px solid var(--line); border-radius: .4rem; padding: 0 1rem 1rem; margin-top: 2rem; background: #fafafa; }
.copy-block h3 { font-size: 1em; margin: .75rem 0 .25rem; }
.copied { color: var(--muted); }
.downloads { padding-left: 1.2rem; } .downloads li { margin: .4rem 0; } .downloads .meta { color: var(--muted); white-space: nowrap; } .downloads a { overflow-wrap: anywhere; }
.toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; }
.measure h2 { font-size: 1.2em; margin: 1.5rem 0 0; } .measure h2 + p { margin: 0 0 .25rem; font-size: .9em; }
.toc.measures ul { display: block; columns: 2 20rem; } .toc.measures li { margin: .15rem 0; break-inside: avoid; }
`;

export const JS = `'use strict';
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form.filters')) {
    const table = document.getElementById(form.dataset.table);
    const count = document.querySelector('[data-count-for="' + form.dataset.table + '"]');
    const rows = Array.from(table.tBodies[0].rows);
    const apply = () => {
      const selects = Array.from(form.querySelectorAll('select[data-filter]'));
      const text = form.querySelector('[data-filter-text]').value.trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const ok = selects.every((s) => !s.value || row.dataset[s.dataset.filter] === s.value) && (!text || row.textContent.toLowerCase().includes(text));
        row.hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' ' + count.dataset.noun;
    };
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    const params = new URLSearchParams(location.search);
    for (const s of form.querySelectorAll('select[data-filter]')) if (params.get(s.dataset.filter)) s.value = params.get(s.dataset.filter);
    apply();
  }
  for (const button of document.querySelectorAll('button[data-sort-column]')) {
    button.addEventListener('click', () => {
      const th = button.closest('th');
      const table = button.closest('table');
      const column = Number(button.dataset.sortColumn);
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.querySelectorAll('thead th')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row) => { const cell = row.cells[column]; return cell.dataset.sort ?? cell.textContent; };
      const rows = Array.from(table.tBodies[0].rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const nx = Number(x), ny = Number(y);
        const c = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y));
        return ascending ? c : -c;
      });
      table.tBodies[0].append(...rows);
    });
  }
  const caption = document.querySelector('.focus-name');
  for (const marker of document.querySelectorAll('.marker')) {
    const say = () => { if (caption) caption.textContent = marker.getAttribute('aria-label'); };
    marker.addEventListener('focus', say);
    marker.addEventListener('mouseenter', say);
  }
  const clusters = Array.from(document.querySelectorAll('details.cluster'));
  for (const d of clusters) {
    d.addEventListener('toggle', () => { if (d.open) for (const o of clusters) if (o !== d) o.open = false; });
    d.addEventListener('keydown', (e) => { if (e.key === 'Escape' && d.open) { d.open = false; d.querySelector('summary').focus(); } });
  }
  document.addEventListener('click', (e) => { for (const d of clusters) if (d.open && !d.contains(e.target)) d.open = false; });
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const block = document.getElementById(button.dataset.copy);
      const status = document.querySelector('[data-copied-for="' + button.dataset.copy + '"]');
      try { await navigator.clipboard.writeText(block.textContent); status.textContent = 'Copied.'; }
      catch { const range = document.createRange(); range.selectNodeContents(block); getSelection().removeAllRanges(); getSelection().addRange(range); status.textContent = 'Selected: press Ctrl+C to copy.'; }
    });
  }
});
`;
