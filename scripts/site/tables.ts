/**
 * A sortable, filterable HTML table: the markup that assets/site.js brings to
 * life. The table scrolls inside its own container (reachable by keyboard) with
 * the first column kept in view; the filters wrap on narrow screens.
 */
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
  /** The text of an option, when it differs from the value (a country name for a code). */
  text?: (value: string) => string;
}

export interface TableOptions<T> {
  id: string;
  caption: string;
  rows: readonly T[];
  columns: Array<Column<T>>;
  filters: Array<Filter<T>>;
  noun: string;
  /** An id for each row (an anchor others can link to). */
  rowId?: (row: T) => string;
}

export function dataTable<T>(o: TableOptions<T>): string {
  const { id, rows, columns, filters } = o;
  const controls = filters
    .map((f) => {
      const values = [...new Set(rows.map(f.value).filter(Boolean))].sort((a, b) => (f.text ? f.text(a) : a).localeCompare(f.text ? f.text(b) : b));
      return `<label>${esc(f.label)} <select data-filter="${esc(f.key)}"><option value="">All</option>${values.map((v) => `<option value="${esc(v)}">${esc(f.text ? f.text(v) : v)}</option>`).join('')}</select></label>`;
    })
    .join('\n');
  const head = columns.map((c, i) => `<th scope="col" aria-sort="none"><button type="button" data-sort-column="${i}">${esc(c.label)}</button></th>`).join('');
  const body = rows
    .map((row) => {
      const data = filters.map((f) => `data-${esc(f.key)}="${esc(f.value(row))}"`).join(' ');
      const cells = columns.map((c, i) => {
        const sort = c.sort?.(row);
        const tag = i === 0 ? 'th scope="row"' : 'td';
        return `<${tag}${sort !== undefined ? ` data-sort="${esc(sort)}"` : ''}>${c.cell(row)}</${tag.split(' ')[0]}>`;
      });
      return `<tr${o.rowId ? ` id="${esc(o.rowId(row))}"` : ''} ${data}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<section class="table-block" aria-labelledby="${id}-caption">
<form class="filters" data-table="${id}" role="search" aria-label="Filter the ${esc(o.noun)}" onsubmit="return false">
${controls}
<label>Search <input type="search" data-filter-text placeholder="any text"></label>
</form>
<p class="count" aria-live="polite" data-count-for="${id}" data-noun="${esc(o.noun)}">Showing ${rows.length} of ${rows.length} ${esc(o.noun)}</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-caption">
<table id="${id}" class="sortable sticky">
<caption id="${id}-caption">${esc(o.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>`;
}
