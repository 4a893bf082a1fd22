/**
 * Dataset-scope checks: what no single record can show. Duplicate ids,
 * references that do not resolve, date order, one preferred version at most,
 * and (as warnings) sources and actors that nothing uses.
 * Every check is a pass over the records with maps: linear in the data size.
 */
import type { CollectionName } from '../../schemas/primitives.js';
import { collections } from '../../schemas/index.js';
import type { Agreement, Event, Figure, Source, Station, Statement } from '../../schemas/index.js';
import { certainlyBefore } from './dates.js';
import { pointer, type Problem } from './problems.js';
import { collectReferences, forEachReference } from './schema-walk.js';
import { closest } from './similar.js';

/** Records by collection, as parsed from the files; each record kept with its index in its file. */
export type Dataset = Record<CollectionName, ReadonlyArray<{ index: number; record: unknown }>>;

const fileOf = (name: CollectionName) => collections.find((c) => c.name === name)!.file;

const isRecord = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);

export function checkDataset(input: Dataset): Problem[] {
  // Only objects can be checked across records; anything else was already reported by its schema.
  const data = Object.fromEntries(Object.entries(input).map(([name, rows]) => [name, rows.filter((r) => isRecord(r.record))])) as unknown as Dataset;
  const problems: Problem[] = [];
  const ids = new Map<CollectionName, Map<string, number>>();

  // Duplicate ids.
  for (const info of collections) {
    const seen = new Map<string, number>();
    for (const { index, record } of data[info.name]) {
      const id = (record as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({
          level: 'error', scope: 'dataset', check: 'duplicate-id', file: info.file, id, path: pointer([index, 'id']),
          message: `duplicate id "${id}": also used by the record at ${pointer([first])}`,
          tip: 'Ids are unique within a collection and never reused; give one of them a new id.',
        });
      } else {
        seen.set(id, index);
      }
    }
    ids.set(info.name, seen);
  }

  // References: a fast pass without paths; a record with a broken reference is walked again to report where.
  const used = new Map<CollectionName, Set<string>>(collections.map((c) => [c.name, new Set<string>()]));
  for (const info of collections) {
    for (const { index, record } of data[info.name]) {
      const id = (record as { id?: string }).id;
      let broken = false;
      forEachReference(info.schema, record, (collection, target) => {
        if (ids.get(collection)!.has(target)) used.get(collection)!.add(target);
        else broken = true;
      });
      const original = (record as { original?: unknown }).original;
      if (info.name === 'sources' && original !== undefined && original === id) {
        problems.push({ level: 'error', scope: 'dataset', check: 'reference', file: info.file, id, path: pointer([index, 'original']), message: 'a source cannot be its own original' });
      }
      if (!broken) continue;
      for (const ref of collectReferences(info.schema, record)) {
        const targetIds = ids.get(ref.collection)!;
        if (targetIds.has(ref.id)) continue;
        const guess = closest(ref.id, targetIds.keys());
        problems.push({
          level: 'error', scope: 'dataset', check: 'reference', file: info.file, id, path: pointer([index, ...ref.path]),
          message: `"${ref.id}" is not the id of any record in ${fileOf(ref.collection)}`,
          expected: `an id from ${fileOf(ref.collection)}`,
          tip: guess ? `Did you mean "${guess}"?` : `Add the record to ${fileOf(ref.collection)} first, or correct the id.`,
        });
      }
    }
  }

  // Sources and actors that nothing uses.
  for (const name of ['sources', 'actors'] as const) {
    for (const { index, record } of data[name]) {
      const id = (record as { id?: unknown }).id;
      if (typeof id === 'string' && !used.get(name)!.has(id)) {
        problems.push({
          level: 'warning', scope: 'dataset', check: name === 'sources' ? 'unused-source' : 'unused-actor', file: fileOf(name), id, path: pointer([index]),
          message: name === 'sources' ? 'no record cites this source' : 'no record references this actor',
          tip: name === 'sources' ? 'Cite it where it supports a record, or remove it if it supports nothing.' : 'Reference it (speaker, operator, party, claimed_by…) or remove it.',
        });
      }
    }
  }

  problems.push(...checkSources(data.sources), ...checkStations(data.stations), ...checkAgreements(data.agreements));
  problems.push(...checkStatements(data.statements), ...checkFigures(data.figures), ...checkEvents(data.events));
  return problems;
}

type Rows = ReadonlyArray<{ index: number; record: unknown }>;

function problem(name: CollectionName, index: number, id: string | undefined, path: Array<string | number>, check: string, message: string, tip?: string): Problem {
  return { level: 'error', scope: 'dataset', check, file: fileOf(name), id, path: pointer([index, ...path]), message, tip };
}

function checkSources(rows: Rows): Problem[] {
  const out: Problem[] = [];
  for (const { index, record } of rows) {
    const s = record as Partial<Source>;
    if ((s.original === undefined) !== (s.relation === undefined)) {
      out.push(problem('sources', index, s.id, [s.relation === undefined ? 'relation' : 'original'], 'source-relation',
        '`original` and `relation` go together: a source that reproduces another names both',
        'Set both (e.g. "original": "adnkronos-…", "relation": "translation") or neither.'));
    }
  }
  return out;
}

function checkPreferred(name: CollectionName, index: number, id: string | undefined, field: string, list: unknown): Problem[] {
  if (!Array.isArray(list)) return [];
  const preferred = list.filter((c: { preferred?: unknown }) => c && c.preferred !== undefined).length;
  return preferred > 1
    ? [problem(name, index, id, [field], 'preferred', `${preferred} versions are marked preferred; at most one may be`, 'Keep `preferred` on the version the project prefers, with its reason.')]
    : [];
}

function checkInDateOrder(name: CollectionName, index: number, id: string | undefined, field: string, list: unknown): Problem[] {
  if (!Array.isArray(list)) return [];
  const out: Problem[] = [];
  for (let i = 1; i < list.length; i++) {
    const a = (list[i - 1] as { date?: unknown } | null)?.date;
    const b = (list[i] as { date?: unknown } | null)?.date;
    if (typeof a === 'string' && typeof b === 'string' && certainlyBefore(b, a)) {
      out.push(problem(name, index, id, [field, i, 'date'], 'date-order', `${field} is not in date order: ${b} comes after ${a}`, `Sort ${field} by date.`));
    }
  }
  return out;
}

function checkPeriod(name: CollectionName, index: number, id: string | undefined, path: Array<string | number>, start: unknown, end: unknown, what: string): Problem[] {
  if (typeof start === 'string' && typeof end === 'string' && certainlyBefore(end, start)) {
    return [problem(name, index, id, path, 'date-order', `${what} ends (${end}) before it starts (${start})`, 'Check both dates against the sources.')];
  }
  return [];
}

const CLOSING_KINDS = new Set(['closure', 'closure-order']);

function checkStations(rows: Rows): Problem[] {
  const out: Problem[] = [];
  for (const { index, record } of rows) {
    const s = record as Partial<Station>;
    for (const field of ['address', 'host_organisation', 'operator', 'opened', 'reported_by'] as const) {
      out.push(...checkPreferred('stations', index, s.id, field, s[field]));
    }
    out.push(...checkInDateOrder('stations', index, s.id, 'history', s.history));
    if (!Array.isArray(s.opened) || !Array.isArray(s.history)) continue;
    s.history.forEach((event, e) => {
      if (!event || !CLOSING_KINDS.has(event.kind)) return;
      for (const opened of s.opened!) {
        if (typeof opened?.value === 'string' && typeof event.date === 'string' && certainlyBefore(event.date, opened.value)) {
          out.push(problem('stations', index, s.id, ['history', e, 'date'], 'date-order',
            `the station is recorded as closing (${event.date}) before it opened (${opened.value})`, 'Check the opening and closing dates against their sources.'));
        }
      }
    });
  }
  return out;
}

function checkAgreements(rows: Rows): Problem[] {
  const out: Problem[] = [];
  for (const { index, record } of rows) {
    const a = record as Partial<Agreement>;
    out.push(...checkPreferred('agreements', index, a.id, 'signing', a.signing));
    out.push(...checkInDateOrder('agreements', index, a.id, 'events', a.events));
    if (Array.isArray(a.in_force)) a.in_force.forEach((p, i) => out.push(...checkPeriod('agreements', index, a.id, ['in_force', i, 'end'], p?.start, p?.end, 'the period in force')));
    if (Array.isArray(a.events)) a.events.forEach((e, i) => out.push(...checkPeriod('agreements', index, a.id, ['events', i, 'end'], e?.date, e?.end, 'the event')));
  }
  return out;
}

function checkStatements(rows: Rows): Problem[] {
  const out: Problem[] = [];
  for (const { index, record } of rows) {
    const s = record as Partial<Statement>;
    if (typeof s.language === 'string' && !s.language.startsWith('en') && s.translation_en === undefined) {
      out.push(problem('statements', index, s.id, ['translation_en'], 'translation', `the text is in "${s.language}" but has no English translation`, 'Add translation_en, and translation_by: "source" or "project".'));
    }
    if ((s.translation_en === undefined) !== (s.translation_by === undefined)) {
      out.push(problem('statements', index, s.id, ['translation_by'], 'translation', '`translation_en` and `translation_by` go together', 'Say who translated: "source" (a cited source prints it) or "project".'));
    }
  }
  return out;
}

function checkFigures(rows: Rows): Problem[] {
  const out: Problem[] = [];
  const preferredByMeasure = new Map<string, string>();
  for (const { index, record } of rows) {
    const f = record as Partial<Figure>;
    out.push(...checkPeriod('figures', index, f.id, ['period', 'end'], f.period?.start, f.period?.end, 'the period'));
    if (f.preferred && typeof f.measure === 'string') {
      const key = `${f.measure}|${f.scope?.country ?? ''}|${f.scope?.description ?? ''}`;
      const other = preferredByMeasure.get(key);
      if (other) {
        out.push(problem('figures', index, f.id, ['preferred'], 'preferred', `"${other}" is already the preferred value of ${f.measure} for this scope`, 'Mark one version preferred at most.'));
      } else {
        preferredByMeasure.set(key, f.id ?? '');
      }
    }
  }
  return out;
}

function checkEvents(rows: Rows): Problem[] {
  const out: Problem[] = [];
  for (const { index, record } of rows) {
    const e = record as Partial<Event>;
    out.push(...checkPeriod('events', index, e.id, ['end'], e.date, e.end, 'the event'));
  }
  return out;
}
