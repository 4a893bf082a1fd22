/** The validated records of every collection, typed. */
import type { Actor, Agreement, Event, Figure, Source, Station, Statement } from '../../schemas/index.js';

export interface Dataset {
  sources: Source[];
  actors: Actor[];
  stations: Station[];
  agreements: Agreement[];
  statements: Statement[];
  figures: Figure[];
  events: Event[];
}
