/** Which tables are overviews (readable, names instead of ids), and the order the workbook shows the tables in. */
import type { Table } from './tables.js';

/** An overview table comes before the normalised tables; it is marked `overview: true`, or named `…overview`. */
export const isOverview = (t: Table) => (t as Table & { overview?: boolean }).overview ?? /overview$/.test(t.name);

/** Tables in workbook order: overviews first, each group in declaration order. */
export const workbookOrder = (tables: readonly Table[]) => [...tables.filter(isOverview), ...tables.filter((t) => !isOverview(t))];
