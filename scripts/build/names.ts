/**
 * Looking up, once per dataset, what the readable tables print instead of ids:
 * actor names and roles, and each source's URL and title (the description in
 * brackets where the source has no title).
 */
import type { Dataset } from './dataset.js';
import { sourceHeading } from './records.js';

export interface SourceLike {
  id: string;
  url: string;
  title?: string;
  description?: string;
}

/** The headline as published, or the project's description of the work in brackets (records.ts's sourceHeading). */
export function sourceLabel(source: SourceLike | undefined): string | undefined {
  return source ? sourceHeading(source) : undefined;
}

export interface Lookups {
  source(id: string | undefined): SourceLike | undefined;
  actorName(id: string | undefined): string | undefined;
  actorRole(id: string | undefined): string | undefined;
}

/** Kept per list of sources and of actors, so that tables built in batches of records share one lookup. */
const cache = new WeakMap<object, WeakMap<object, Lookups>>();

export function lookups(data: Dataset): Lookups {
  let byActors = cache.get(data.sources);
  if (!byActors) cache.set(data.sources, (byActors = new WeakMap()));
  let found = byActors.get(data.actors);
  if (!found) {
    const sources = new Map<string, SourceLike>(data.sources.map((s) => [s.id, s as SourceLike]));
    const actors = new Map(data.actors.map((a) => [a.id, a]));
    found = {
      source: (id) => (id === undefined ? undefined : sources.get(id)),
      actorName: (id) => (id === undefined ? undefined : actors.get(id)?.name),
      actorRole: (id) => (id === undefined ? undefined : actors.get(id)?.role),
    };
    byActors.set(data.actors, found);
  }
  return found;
}

/**
 * A citation's place in its record, readable and still machine-usable: the JSON
 * Pointer `/operator/0` becomes `operator[1]` (field name, then the position
 * from 1, as in the `seq` columns), `/status` stays `status`, and nested parts
 * are joined with dots (`events[2].places[1]`); empty for the record as a whole.
 */
export function citedFor(pointer: string): string {
  if (!pointer) return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${Number(part) + 1}]`;
    else out += (out ? '.' : '') + part;
  }
  return out;
}

/** The grammar of citedFor's output, for the Table Schema's pattern constraint. */
export const CITED_FOR_PATTERN = '^[a-z][a-z0-9_]*(\\[[1-9][0-9]*\\])*(\\.[a-z][a-z0-9_]*(\\[[1-9][0-9]*\\])*)*$';
