/** A sortable, filterable HTML table: the markup that assets/site.js brings to life. */
import { esc } from './html.js';

export interface Column<T> {
  label: string;
  /** Cell HTML (already escaped). */
  cell: (row: T) => string;
  /** Value used for sorting; numbers sort numerically. */
  sort?: (row: T) => string | number;
}

export interface Filter<T> {
  key: string;
  label: string;
  value: (row: T) => string;
}

export function dataTable<T>(id: string, caption: string, rows: readonly T[], columns: Array<Column<T>>, filters: Array<Filter<T>>, noun: string): string {
  const controls = filters
    .map((f) => {
      const values = [...new Set(rows.map(f.value).filter(Boolean))].sort((a, b) => a.localeCompare(b));
      return `<label>${esc(f.label)} <select data-filter="${esc(f.key)}"><option value="">All</option>${values.map((v) => `<option>${esc(v)}</option>`).join('')}</select></label>`;
    })
    .join('\n');
  const head = columns.map((c, i) => `<th scope="col" aria-sort="none"><button type="button" data-sort-column="${i}">${esc(c.label)}</button></th>`).join('');
  const body = rows
    .map((row) => {
      const data = filters.map((f) => `data-${esc(f.key)}="${esc(f.value(row))}"`).join(' ');
      const cells = columns.map((c) => {
        const sort = c.sort?.(row);
        return `<td${sort !== undefined ? ` data-sort="${esc(sort)}"` : ''}>${c.cell(row)}</td>`;
      });
      return `<tr ${data}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<section class="table-block" aria-labelledby="${id}-caption">
<form class="filters" data-table="${id}" role="search" onsubmit="return false">
${controls}
<label>Search <input type="search" data-filter-text placeholder="any text"></label>
</form>
<p class="count" aria-live="polite" data-count-for="${id}" data-noun="${esc(noun)}">Showing ${rows.length} of ${rows.length} ${esc(noun)}</p>
<div class="table-scroll">
<table id="${id}" class="sortable">
<caption id="${id}-caption">${esc(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>`;
}
