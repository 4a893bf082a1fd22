/**
 * `metadata.json` for Datasette (`datasette overseas-police-stations.sqlite -m metadata.json`):
 * title, licence, source and about links for the instance, and for every table
 * and view of the database its title, description and column descriptions,
 * taken from the same declarations as the CSV tables and the data dictionary.
 */
import type { ReleaseInfo } from './release-info.js';
import { FULL_TEXT, sqlName } from './sqlite.js';
import type { Table } from './tables.js';

/** The database's name in Datasette: the file name without `.sqlite`. */
export const DATABASE_FILE = 'overseas-police-stations.sqlite';
const DATABASE_NAME = DATABASE_FILE.replace(/\.sqlite$/, '');

/** The column Datasette shows for a row referenced by a foreign key. */
const labelColumn = (t: Table) => ['name', 'title'].find((c) => t.fields.some((f) => f.name === c));

export function datasetteMetadata(tables: readonly Table[], release: ReleaseInfo) {
  const where = release.repository ?? release.homepage;
  const entries = tables.map((t) => {
    const fts = FULL_TEXT.find((x) => x.table === t.name);
    const label = labelColumn(t);
    return [
      sqlName(t.name),
      {
        title: t.title,
        description: t.description,
        ...(label ? { label_column: label } : {}),
        ...(fts ? { fts_table: fts.name } : {}),
        columns: Object.fromEntries(t.fields.map((f) => [f.name, f.description])),
      },
    ] as const;
  });
  entries.push([
    'dataset_about',
    { title: 'About this release', description: 'Title, version, release date, licence and how to cite the dataset.', columns: { key: 'What the row says.', value: 'The text.' } },
  ] as never);
  return {
    title: release.title,
    description: `${release.description} Version ${release.version}, released ${release.released}.`,
    license: 'CC BY 4.0',
    license_url: release.licence.url,
    source: 'News reports, NGO reports, official statements and parliamentary records, each listed in the sources table',
    ...(where ? { source_url: where } : {}),
    ...(release.homepage ? { about: 'Project website', about_url: release.homepage } : {}),
    databases: {
      [DATABASE_NAME]: {
        title: release.title,
        description: `How to cite: ${release.citation}`,
        tables: Object.fromEntries(entries),
      },
    },
  };
}
