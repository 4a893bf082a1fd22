/**
 * SQL views for the overview tables, keyed by table name: each view gives the
 * rows of the overview CSV from the normalised tables. An overview without a
 * view here is stored in the database as a table.
 */
export const OVERVIEW_VIEWS: Record<string, string> = {};
