/** The site's stylesheet and script: small, local, no external requests. */
export const CSS = `:root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --bg: #ffffff; --accent: #1d4ed8; --land: #e5e7eb; --sea: #f8fafc; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; }
header { border-bottom: 1px solid var(--line); padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; }
.brand { margin: 0; font-weight: 700; } .brand a { color: var(--ink); text-decoration: none; } .version { color: var(--muted); font-weight: 400; font-size: .9em; }
nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; } nav a[aria-current] { font-weight: 700; color: var(--ink); }
main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; font-size: .9em; }
.lede { font-size: 1.1em; max-width: 60rem; }
.maps { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; align-items: start; }
@media (max-width: 800px) { .maps { grid-template-columns: 1fr; } }
.maps figure { margin: 0; }
.map { width: 100%; height: auto; background: var(--sea); border: 1px solid var(--line); }
.map .countries path { fill: var(--land); stroke: #9ca3af; stroke-width: .4; }
.map .countries path.focus { fill: #d1d5db; }
.map .sphere { fill: var(--sea); stroke: #9ca3af; }
.map .marker circle { stroke: #fff; stroke-width: 1.2; cursor: pointer; }
.map .marker:focus circle, .map .marker:hover circle { stroke: #f59e0b; stroke-width: 3; }
.map .marker:focus { outline: none; }
.focus-name { font-weight: 700; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0; }
.filters select, .filters input { font: inherit; padding: .2rem .4rem; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: var(--ink); }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
tr[hidden] { display: none; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; background: #f3f4f6; border: 1px solid var(--line); white-space: nowrap; }
.cites { color: var(--muted); font-size: .9em; }
.note { color: var(--muted); }
.translation { color: var(--muted); }
blockquote { margin: 0; padding-left: 1rem; border-left: 4px solid var(--line); }
.statement { margin: 1rem 0; } .statement figcaption { color: var(--muted); font-size: .9em; }
.history time { font-variant-numeric: tabular-nums; font-weight: 700; }
dl.claims dt { font-weight: 700; margin-top: .5rem; } dl.claims dd { margin-left: 1rem; }
pre { white-space: pre-wrap; background: #f3f4f6; padding: .75rem; border-radius: .3rem; }
button[data-copy] { font: inherit; padding: .3rem .8rem; }
.downloads .size { color: var(--muted); }
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
      for (const other of table.querySelectorAll('th')) other.setAttribute('aria-sort', 'none');
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
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy).textContent;
      const status = document.querySelector('.copied');
      try { await navigator.clipboard.writeText(text); status.textContent = 'Copied.'; }
      catch { const range = document.createRange(); range.selectNodeContents(document.getElementById(button.dataset.copy)); getSelection().removeAllRanges(); getSelection().addRange(range); status.textContent = 'Selected: press Ctrl+C to copy.'; }
    });
  }
});
`;
