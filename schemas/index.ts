/** The dataset's collections and their schemas. */
import type { z } from 'zod';
import type { CollectionName } from './primitives.js';
import { Source } from './source.js';
import { Actor } from './actor.js';
import { Station } from './station.js';
import { Agreement } from './agreement.js';
import { Statement } from './statement.js';
import { Figure } from './figure.js';
import { Event } from './event.js';

export * from './primitives.js';
export * from './vocabulary.js';
export { Source, Actor, Station, Agreement, Statement, Figure, Event };

export interface CollectionInfo {
  name: CollectionName;
  /** Singular name of one record, used in titles and type names. */
  record: string;
  file: string;
  schema: z.ZodType;
  title: string;
  description: string;
}

export const collections: readonly CollectionInfo[] = [
  { name: 'sources', record: 'Source', file: 'data/sources.json', schema: Source, title: 'Sources', description: 'Every work cited: articles, reports, official documents, web pages, with links between translations or syndications and their originals.' },
  { name: 'actors', record: 'Actor', file: 'data/actors.json', schema: Actor, title: 'Actors', description: 'People, organisations, government bodies and Chinese police bureaus named by the sources.' },
  { name: 'stations', record: 'Station', file: 'data/stations.json', schema: Station, title: 'Stations', description: 'Reported overseas Chinese police "service stations", with who reports them, their status and their history.' },
  { name: 'agreements', record: 'Agreement', file: 'data/agreements.json', schema: Agreement, title: 'Agreements', description: 'Agreements between states or police bodies, with their signing, periods in force and events.' },
  { name: 'statements', record: 'Statement', file: 'data/statements.json', schema: Statement, title: 'Statements', description: 'What officials, researchers and others said, verbatim as the cited source prints it.' },
  { name: 'figures', record: 'Figure', file: 'data/figures.json', schema: Figure, title: 'Figures', description: 'Numbers that circulate, each attributed; conflicting values share a measure key.' },
  { name: 'events', record: 'Event', file: 'data/events.json', schema: Event, title: 'Events', description: 'A timeline of reports, government responses and prosecutions not tied to one station or agreement.' },
];

export function collection(name: CollectionName): CollectionInfo {
  const info = collections.find((c) => c.name === name);
  if (!info) throw new Error(`unknown collection ${name}`);
  return info;
}
