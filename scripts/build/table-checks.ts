/**
 * What the data must satisfy for the tables to say what it says, checked
 * before any table is written, every problem in one run:
 *
 * - No item of a list cell may contain the separator "; " (issue 18): a list
 *   cell such as `Rossi; Bianchi` could not be split back into the items the
 *   data holds. Such text is refused rather than escaped, because readers of the
 *   Frictionless `list` type split on the delimiter and know no escape.
 * - Every station's country has an English name in country-names.ts.
 *
 * Messages name the file, the record and the JSON path, with a tip.
 */
import { COUNTRY_NAMES } from './country-names.js';
import type { Dataset } from './dataset.js';
import { LIST_SEPARATOR } from './table-fields.js';

export interface TableProblem {
  file: string;
  id: string;
  path: string;
  message: string;
  tip: string;
}

/**
 * The list columns whose items are free text, each guarded below. The other list
 * columns hold ids (kebab-case, so never "; ") or periods of dates.
 */
export const FREE_TEXT_LIST_COLUMNS = ['sources.authors', 'agreements.title_original', 'agreement_events.places', 'stations-overview.operators', 'stations-overview.reported_by'] as const;

/** The free-text values that end up as items of a list cell, with where they come from. */
function* listItems(data: Dataset, offset: number): Generator<{ file: string; id: string; path: string; text: string; column: string }> {
  for (const [i, s] of data.sources.entries()) {
    for (const [j, author] of (s.authors as unknown[]).entries()) {
      if (typeof author === 'string') yield { file: 'data/sources.json', id: s.id, path: `/${offset + i}/authors/${j}`, text: author, column: 'sources.csv authors' };
      else if (author && typeof author === 'object') {
        for (const [key, value] of Object.entries(author)) if (typeof value === 'string') yield { file: 'data/sources.json', id: s.id, path: `/${offset + i}/authors/${j}/${key}`, text: value, column: 'sources.csv authors' };
      }
    }
  }
  for (const [i, a] of data.agreements.entries()) {
    for (const [j, t] of (a.title_original ?? []).entries()) yield { file: 'data/agreements.json', id: a.id, path: `/${offset + i}/title_original/${j}/text`, text: t.text, column: 'agreements.csv title_original' };
    for (const [j, e] of a.events.entries()) {
      for (const [k, place] of (e.places ?? []).entries()) yield { file: 'data/agreements.json', id: a.id, path: `/${offset + i}/events/${j}/places/${k}`, text: place, column: 'agreement_events.csv places' };
    }
  }
  for (const [i, a] of data.actors.entries()) yield { file: 'data/actors.json', id: a.id, path: `/${offset + i}/name`, text: a.name, column: 'the overviews\' lists of names' };
}

/** `offset`: the index in its file of the first record of each list (when a collection is checked a piece at a time). */
export function tableProblems(data: Dataset, offset = 0): TableProblem[] {
  const problems: TableProblem[] = [];
  for (const item of listItems(data, offset)) {
    if (!item.text.includes(LIST_SEPARATOR)) continue;
    problems.push({
      file: item.file, id: item.id, path: item.path,
      message: `the text ${JSON.stringify(item.text.slice(0, 120))} contains "${LIST_SEPARATOR}", which separates the items of a CSV list cell (${item.column}), so the cell could not be split back into the items`,
      tip: 'write the parts as separate items of the list, or use a comma or another punctuation mark instead of a semicolon followed by a space',
    });
  }
  for (const [i, s] of data.stations.entries()) {
    if (COUNTRY_NAMES[s.country]) continue;
    problems.push({
      file: 'data/stations.json', id: s.id, path: `/${offset + i}/country`,
      message: `the country code ${JSON.stringify(s.country)} has no English name for stations-overview.csv`,
      tip: 'check the code (ISO 3166-1 alpha-2); if it is right, add its English short name to scripts/build/country-names.ts',
    });
  }
  return problems;
}

export const formatTableProblem = (p: TableProblem) => `${p.file} record "${p.id}" at ${p.path}: ${p.message}. Tip: ${p.tip}.`;
