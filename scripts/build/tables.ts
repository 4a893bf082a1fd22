/**
 * The CSV tables: the readable overviews first (overviews.ts), then one per
 * collection, plus link tables for every list of
 * references and every citation. Each table declares its fields with types,
 * descriptions, constraints and foreign keys; the same declaration drives the
 * CSV writer, the Frictionless Table Schema and the data dictionary.
 */
import { ID_PATTERN, type CollectionName } from '../../schemas/primitives.js';
import * as V from '../../schemas/vocabulary.js';
import type { Dataset } from './dataset.js';
import { CITED_FOR_PATTERN, citedFor, lookups, sourceLabel } from './names.js';
import { overviewTables } from './overviews.js';
import { authorName, citationsOf, preferredValue } from './records.js';
import { bool, date, id, join, list, ref, seq, text, url, vocab, type Field, type Table } from './table-fields.js';

export type { Cell, Field, FieldType, Row, Table } from './table-fields.js';
export { LIST_SEPARATOR } from './table-fields.js';

const sourceIds = (citations: ReadonlyArray<{ source: string }>) => join([...new Set(citations.map((c) => c.source))]);

/** What the citation tables say of a citation's path; the same few paths recur in every record, so each is worked out once. */
const citedCache = new Map<string, { cited_for: string | undefined; cited_field: string | undefined; cited_seq: number | undefined }>();
function citedParts(path: string) {
  let parts = citedCache.get(path);
  if (!parts) {
    const [field, position] = path.slice(1).split('/');
    parts = { cited_for: citedFor(path) || undefined, cited_field: field || undefined, cited_seq: position !== undefined && /^\d+$/.test(position) ? Number(position) + 1 : undefined };
    if (citedCache.size < 100_000) citedCache.set(path, parts);
  }
  return parts;
}

/** `<table>_sources`: every citation of every record of a collection, with the cited source's URL and title. */
function citationTable(table: CollectionName, singular: string, records: (d: Dataset) => ReadonlyArray<{ id: string }>): Table {
  const key = `${singular}_id`;
  return {
    name: `${singular}_sources`,
    collection: table,
    title: `Citations of ${table}`,
    description: `Every citation in ${table}: which source supports which part of which record, with locator and verbatim excerpt where given.`,
    primaryKey: [key, 'seq'],
    fields: [
      ref(key, table, `Id of the cited-for record in ${table}.`, true),
      seq('Position of the citation within the record, from 1, in document order.'),
      {
        name: 'cited_for', type: 'string', pattern: CITED_FOR_PATTERN,
        description: 'The part of the record this citation supports: a field name, then the position from 1 of a list item in brackets, nested parts joined by dots (operator[1], status, history[2]); empty for the record as a whole.',
      },
      text('cited_field', 'The top-level field of cited_for (operator, status, history); empty for the record as a whole.'),
      { name: 'cited_seq', type: 'integer', minimum: 1, description: 'The position in cited_field, from 1, when that field is a list (matches the seq of station_claims, station_events, agreement_signings, agreement_events).' },
      ref('source_id', 'sources', 'Id of the cited source.', true),
      url('source_url', 'Where the cited source can be read.', true),
      text('source_title', 'Title of the cited source as published; the project\'s description in brackets where it has no title.'),
      ref('via_source_id', 'sources', 'Id of the source that was read and reports the cited one, where the cited source itself was not read.'),
      text('locator', 'Where in the source: page, paragraph, section.'),
      text('excerpt', 'A short verbatim excerpt of the source that was read.'),
    ],
    rows: (d) => {
      const find = lookups(d);
      return records(d).flatMap((r) =>
        citationsOf(r).map((c, i) => {
          const { cited_for, cited_field, cited_seq } = citedParts(c.path);
          const source = find.source(c.source);
          return {
            [key]: r.id, seq: i + 1, cited_for, cited_field, cited_seq,
            source_id: c.source, source_url: source?.url, source_title: sourceLabel(source), via_source_id: c.via, locator: c.locator, excerpt: c.excerpt,
          };
        }),
      );
    },
  };
}

/** `<singular>_<field>`: one row per id in a list of references. */
function linkTable(owner: CollectionName, singular: string, field: string, target: string, description: string, get: (d: Dataset) => Array<[string, readonly string[] | undefined]>): Table {
  const key = `${singular}_id`;
  const targetKey = `${target.replace(/s$/, '')}_id`;
  return {
    name: `${singular}_${field}`,
    collection: owner,
    title: `${owner[0]!.toUpperCase()}${owner.slice(1)}: ${field.replace(/_/g, ' ')}`,
    description,
    primaryKey: [key, targetKey],
    fields: [ref(key, owner, `Id of the record in ${owner}.`, true), ref(targetKey, target, `Id of the record in ${target}.`, true)],
    rows: (d) => get(d).flatMap(([id, ids]) => [...new Set(ids ?? [])].map((t) => ({ [key]: id, [targetKey]: t }))),
  };
}

/** The verification columns of every checked record type. */
const verificationFields = (): Field[] => [
  vocab('verification_status', V.VerificationStatus, 'Outcome of checking the record against readable copies of its sources; empty where not yet checked.', false),
  date('verification_checked', 'When the record was last checked.'),
  text('verification_note', 'What was corrected, or what could not be read and why.'),
];
const verificationCells = (r: { verification?: { status: string; checked: string; note?: string } }) => ({
  verification_status: r.verification?.status, verification_checked: r.verification?.checked, verification_note: r.verification?.note,
});

/** The columns every table of attributed claims shares. */
const claimFields = (valueDescription: string): Field[] => [
  text('value', valueDescription, true),
  ref('claimed_by', 'actors', 'Id of the actor who makes the claim.'),
  bool('preferred', 'Whether the project prefers this version over conflicting ones.'),
  text('preferred_reason', 'Why this version is preferred.'),
  text('note', 'Context for this version.'),
  list('source_ids', 'Ids of the sources cited for this version (each also listed in the citations table).'),
];

export const tables: Table[] = [
  ...overviewTables(),
  {
    name: 'sources',
    collection: 'sources',
    title: 'Sources',
    description: 'Every work cited by the dataset.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of the source.'),
      vocab('kind', V.SourceKind, 'What kind of work the source is.'),
      text('title', 'The headline exactly as published; empty where no headline was read (see description).'),
      text('title_en', 'English rendering of the headline.'),
      text('description', 'What the work is, in the project\'s words; given where there is no title.'),
      text('publisher', 'Outlet, organisation or body that published it.', true),
      list('authors', 'Authors as credited.'),
      date('date', 'Publication date (YYYY, YYYY-MM or YYYY-MM-DD).'),
      text('date_note', 'How the date was established.'),
      url('url', 'Where the source can be read.', true),
      date('accessed', 'The day the project last read the source.'),
      vocab('read', V.ReadStatus, 'How much of the source the project read; empty where not recorded.', false),
      text('language', 'BCP 47 language tag.', true),
      vocab('reliability', V.Reliability, 'Reliability tier.'),
      ref('original', 'sources', 'Id of the original that this source translates, syndicates, summarises or reposts.'),
      vocab('relation', V.SourceRelation, 'How this source relates to its original.', false),
      text('seed', 'File name of the seed article this source is.'),
      text('notes', 'Caveats about the source.'),
    ],
    rows: (d) => d.sources.map((s) => ({ ...s, authors: join(s.authors.map(authorName)) })),
  },
  {
    name: 'actors',
    collection: 'actors',
    title: 'Actors',
    description: 'People, organisations, government bodies and police bureaus named by the sources.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of the actor.'),
      text('name', 'Name as usually written in English.', true),
      text('name_original', 'Name in the original script.'),
      text('name_original_language', 'Language of name_original.'),
      vocab('kind', V.ActorKind, 'What kind of actor.'),
      text('country', 'ISO 3166-1 alpha-2 country code.'),
      text('role', 'Role relevant to this dataset.', true),
      ref('member_of', 'actors', 'Id of the organisation the actor belongs to.'),
    ],
    rows: (d) => d.actors.map(({ sources: _s, name_original, ...a }) => ({ ...a, name_original: name_original?.text, name_original_language: name_original?.language })),
  },
  citationTable('actors', 'actor', (d) => d.actors),
  {
    name: 'stations',
    collection: 'stations',
    title: 'Stations',
    description: 'Reported overseas Chinese police "service stations". A station\'s existence is a claim by whoever reported it; see status and station_claims.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of the station.'),
      text('name', 'Name as reported.', true),
      text('name_original', 'Name in the original script.'),
      text('city', 'City or town.'),
      text('region', 'Region, state or province.'),
      text('country', 'ISO 3166-1 alpha-2 country code.', true),
      { name: 'latitude', type: 'number', description: 'Latitude of the city or region (WGS 84); never the building.', minimum: -90, maximum: 90 },
      { name: 'longitude', type: 'number', description: 'Longitude of the city or region (WGS 84).', minimum: -180, maximum: 180 },
      { name: 'location_precision', type: 'string', description: 'What the coordinates locate: city or region.', enum: ['city', 'region'] },
      vocab('status', V.StationStatus, 'Status as of status_as_of.'),
      date('status_as_of', 'Date of the latest source supporting the status.', true),
      text('status_basis', 'What the status rests on, attributed.', true),
      list('operator', 'Ids of the bureaus said to operate it (preferred version first; all versions in station_claims).'),
      date('opened', 'Opening date of the preferred (or first) version; all versions in station_claims.'),
      text('address', 'Published address of the preferred (or first) version.'),
      list('reported_by', 'Ids of the actors who report the station.'),
      text('notes', 'What is not established, and other caveats.'),
      ...verificationFields(),
    ],
    rows: (d) =>
      d.stations.map((s) => ({
        ...verificationCells(s),
        id: s.id, name: s.name, name_original: s.name_original?.text, city: s.city, region: s.region, country: s.country,
        latitude: s.coordinates?.lat, longitude: s.coordinates?.lon, location_precision: s.coordinates?.precision,
        status: s.status.value, status_as_of: s.status.as_of, status_basis: s.status.basis,
        operator: join([...new Set(s.operator.map((c) => c.value))]), opened: preferredValue(s.opened), address: preferredValue(s.address),
        reported_by: join(s.reported_by.map((c) => c.value)), notes: s.notes,
      })),
  },
  {
    name: 'station_claims',
    collection: 'stations',
    title: 'Stations: attributed claims',
    description: 'Every version of every contested station field (address, host organisation, operator, opening date, who reports it), each with who claims it and its sources. Conflicting versions are kept side by side.',
    primaryKey: ['station_id', 'field', 'seq'],
    fields: [
      ref('station_id', 'stations', 'Id of the station.', true),
      { name: 'field', type: 'string', description: 'Which field the claim is about.', required: true, enum: ['address', 'host_organisation', 'operator', 'opened', 'reported_by'] },
      seq(),
      ...claimFields('The claimed value: text, a partial date, or an actor id (see value_actor).'),
      ref('value_actor', 'actors', 'The value again when it is an actor id (operator, host_organisation, reported_by).'),
    ],
    rows: (d) =>
      d.stations.flatMap((s) =>
        (['address', 'host_organisation', 'operator', 'opened', 'reported_by'] as const).flatMap((field) =>
          s[field].map((c, i) => ({
            station_id: s.id, field, seq: i + 1, value: c.value, claimed_by: c.claimed_by, preferred: c.preferred !== undefined,
            preferred_reason: c.preferred?.reason, note: c.note, source_ids: sourceIds(c.sources),
            value_actor: field === 'address' || field === 'opened' ? undefined : c.value,
          })),
        ),
      ),
  },
  {
    name: 'station_events',
    collection: 'stations',
    title: 'Stations: history',
    description: 'Dated events in the history of each station: openings, investigations, findings, closures, arrests.',
    primaryKey: ['station_id', 'seq'],
    fields: [
      ref('station_id', 'stations', 'Id of the station.', true), seq('Position in the station\'s history, from 1, in date order.'),
      date('date', 'When it happened.', true), vocab('kind', V.StationEventKind, 'What happened.'), text('description', 'What happened, attributed.', true),
      list('actor_ids', 'Ids of the actors involved.'), list('source_ids', 'Ids of the sources cited.'),
    ],
    rows: (d) => d.stations.flatMap((s) => s.history.map((e, i) => ({ station_id: s.id, seq: i + 1, date: e.date, kind: e.kind, description: e.description, actor_ids: join(e.actors), source_ids: sourceIds(e.sources) }))),
  },
  citationTable('stations', 'station', (d) => d.stations),
  {
    name: 'agreements',
    collection: 'agreements',
    title: 'Agreements',
    description: 'Agreements between states or police bodies.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of the agreement.'), text('title', 'Title in English.', true), list('title_original', 'Titles in the parties\' languages, each followed by its language tag in brackets.'),
      vocab('kind', V.AgreementKind, 'Legal form.'), list('parties', 'Ids of the parties (also in agreement_parties).'), text('subject', 'What it covers.', true),
      date('signed', 'Signing date of the preferred (or first) version; all versions in agreement_signings.'),
      vocab('status', V.AgreementStatus, 'Status as of status_as_of.'), date('status_as_of', 'Date of the latest source supporting the status.', true),
      list('in_force', 'Periods in force, each written start/end.'), text('notes', 'Caveats and conflicts.'), ...verificationFields(),
    ],
    rows: (d) =>
      d.agreements.map((a) => ({
        ...verificationCells(a),
        id: a.id, title: a.title, title_original: join(a.title_original?.map((t) => `${t.text} [${t.language}]`)), kind: a.kind, parties: join(a.parties), subject: a.subject,
        signed: preferredValue(a.signing)?.date, status: a.status.value, status_as_of: a.status.as_of,
        in_force: join(a.in_force.map((p) => `${p.start ?? ''}/${p.end ?? ''}`)), notes: a.notes,
      })),
  },
  linkTable('agreements', 'agreement', 'parties', 'actors', 'The parties to each agreement.', (d) => d.agreements.map((a) => [a.id, a.parties])),
  {
    name: 'agreement_signings',
    collection: 'agreements',
    title: 'Agreements: signing accounts',
    description: 'Every account of when, where and by whom an agreement was signed, with who gives it. Conflicting accounts are kept side by side.',
    primaryKey: ['agreement_id', 'seq'],
    fields: [
      ref('agreement_id', 'agreements', 'Id of the agreement.', true), seq(),
      date('date', 'Date of signing in this account.'), text('place', 'Place of signing in this account.'),
      list('signatories', 'Ids of the signatories in this account.'), list('witnesses', 'Ids of officials said to be present.'),
      ref('claimed_by', 'actors', 'Id of the actor who gives this account.'),
      bool('preferred', 'Whether the project prefers this account.'), text('preferred_reason', 'Why.'), text('note', 'Context.'), list('source_ids', 'Ids of the sources cited.'),
    ],
    rows: (d) =>
      d.agreements.flatMap((a) =>
        a.signing.map((c, i) => ({
          agreement_id: a.id, seq: i + 1, date: c.value.date, place: c.value.place, signatories: join(c.value.signatories), witnesses: join(c.value.witnesses),
          claimed_by: c.claimed_by, preferred: c.preferred !== undefined, preferred_reason: c.preferred?.reason, note: c.note, source_ids: sourceIds(c.sources),
        })),
      ),
  },
  {
    name: 'agreement_events',
    collection: 'agreements',
    title: 'Agreements: events',
    description: 'Dated events under each agreement: signing, patrol editions, suspension, end.',
    primaryKey: ['agreement_id', 'seq'],
    fields: [
      ref('agreement_id', 'agreements', 'Id of the agreement.', true), seq('Position in date order, from 1.'), date('date', 'When it happened (start).', true), date('end', 'Last day, for a period.'),
      vocab('kind', V.AgreementEventKind, 'What happened.'), text('description', 'What happened, attributed.', true), list('places', 'Cities.'), list('actor_ids', 'Ids of the actors involved.'), list('source_ids', 'Ids of the sources cited.'),
    ],
    rows: (d) => d.agreements.flatMap((a) => a.events.map((e, i) => ({ agreement_id: a.id, seq: i + 1, date: e.date, end: e.end, kind: e.kind, description: e.description, places: join(e.places), actor_ids: join(e.actors), source_ids: sourceIds(e.sources) }))),
  },
  citationTable('agreements', 'agreement', (d) => d.agreements),
  {
    name: 'statements',
    collection: 'statements',
    title: 'Statements',
    description: 'What officials, researchers and others said, verbatim as the cited source prints it.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of the statement.'), ref('speaker', 'actors', 'Id of the speaker.', true), date('date', 'When it was said.', true), text('date_note', 'How the date was established.'),
      vocab('setting_kind', V.SettingKind, 'Where or how it was said.'), ref('setting_outlet', 'actors', 'Id of the outlet or body addressed.'), text('setting_description', 'Where it was said.', true),
      vocab('form', V.StatementForm, 'Direct quotation or the source\'s reported speech.'), text('text', 'The words, verbatim as printed by the source.', true), text('language', 'Language of text.', true),
      text('spoken_language', 'Language the speaker used, where the source prints a translation.'), text('translation_en', 'English translation.'), vocab('translation_by', V.TranslationBy, 'Who translated translation_en.', false),
      vocab('text_translation_kind', V.TextTranslationKind, 'Where text is itself a translation of the words spoken: who translated them.', false),
      ref('text_translated_by', 'actors', 'Id of the outlet or person who translated the words into text.'),
      vocab('stance', V.Stance, 'Position taken.'), list('about_stations', 'Ids of stations it is about (also in statement_stations).'), list('about_agreements', 'Ids of agreements (also in statement_agreements).'),
      list('about_figures', 'Ids of figures (also in statement_figures).'), list('about_actors', 'Ids of actors (also in statement_actors).'), text('context', 'What it answered or referred to.'), ...verificationFields(),
    ],
    rows: (d) =>
      d.statements.map((s) => ({
        ...verificationCells(s), text_translation_kind: s.text_translation?.kind, text_translated_by: s.text_translation?.by,
        id: s.id, speaker: s.speaker, date: s.date, date_note: s.date_note, setting_kind: s.setting.kind, setting_outlet: s.setting.outlet, setting_description: s.setting.description,
        form: s.form, text: s.text, language: s.language, spoken_language: s.spoken_language, translation_en: s.translation_en, translation_by: s.translation_by, stance: s.stance,
        about_stations: join(s.about.stations), about_agreements: join(s.about.agreements), about_figures: join(s.about.figures), about_actors: join(s.about.actors), context: s.context,
      })),
  },
  linkTable('statements', 'statement', 'stations', 'stations', 'The stations each statement is about.', (d) => d.statements.map((s) => [s.id, s.about.stations])),
  linkTable('statements', 'statement', 'agreements', 'agreements', 'The agreements each statement is about.', (d) => d.statements.map((s) => [s.id, s.about.agreements])),
  linkTable('statements', 'statement', 'figures', 'figures', 'The figures each statement states or disputes.', (d) => d.statements.map((s) => [s.id, s.about.figures])),
  linkTable('statements', 'statement', 'actors', 'actors', 'The governments, bodies or people each statement is about.', (d) => d.statements.map((s) => [s.id, s.about.actors])),
  citationTable('statements', 'statement', (d) => d.statements),
  {
    name: 'figures',
    collection: 'figures',
    title: 'Figures',
    description: 'Numbers that circulate, each attributed. Rows with the same measure are versions of one number and may conflict.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of this claimed value.'), { name: 'measure', type: 'string', description: 'What is measured.', required: true, pattern: ID_PATTERN },
      { name: 'value', type: 'number', description: 'The number in base units (no thousands separators).', required: true }, vocab('unit', V.Unit, 'Unit.'), vocab('qualifier', V.Qualifier, 'How exact.'),
      text('country', 'Country the figure is about; empty for worldwide.'), text('scope', 'What exactly is counted.', true),
      date('period_start', 'Start of the period it refers to.'), date('period_end', 'End of the period.'), date('as_of', 'Date of a count at one moment.'),
      vocab('time_basis', V.TimeBasis, 'Whether the period or as_of date is stated by the source or inferred by the project.', false), date('stated_on', 'When the claim was made.'),
      ref('claimed_by', 'actors', 'Id of the actor who asserts it.', true), ref('reported_by', 'actors', 'Id of the outlet or NGO that relays the claimant\'s number.'), text('as_printed', 'The figure as printed.'), bool('preferred', 'Whether this is the preferred value of its measure.'),
      text('preferred_reason', 'Why it is preferred.'), text('note', 'Conflicts and caveats.'), ...verificationFields(),
    ],
    rows: (d) =>
      d.figures.map((f) => ({
        ...verificationCells(f), time_basis: f.time_basis, reported_by: f.reported_by,
        id: f.id, measure: f.measure, value: f.value, unit: f.unit, qualifier: f.qualifier, country: f.scope.country, scope: f.scope.description,
        period_start: f.period?.start, period_end: f.period?.end, as_of: f.as_of, stated_on: f.stated_on, claimed_by: f.claimed_by, as_printed: f.as_printed,
        preferred: f.preferred !== undefined, preferred_reason: f.preferred?.reason, note: f.note,
      })),
  },
  citationTable('figures', 'figure', (d) => d.figures),
  {
    name: 'events',
    collection: 'events',
    title: 'Events',
    description: 'A timeline of reports, government responses and prosecutions not tied to one station or agreement.',
    primaryKey: ['id'],
    fields: [
      id('Stable identifier of the event.'), date('date', 'When it happened.', true), date('end', 'Last day, for events spanning days.'), vocab('kind', V.EventKind, 'Kind of event.'),
      text('country', 'ISO 3166-1 alpha-2 country code.'), text('title', 'What happened.', true), text('description', 'More detail.'), ...verificationFields(),
    ],
    rows: (d) => d.events.map((e) => ({ ...verificationCells(e), id: e.id, date: e.date, end: e.end, kind: e.kind, country: e.country, title: e.title, description: e.description })),
  },
  linkTable('events', 'event', 'actors', 'actors', 'The actors involved in each event.', (d) => d.events.map((e) => [e.id, e.actors])),
  linkTable('events', 'event', 'stations', 'stations', 'The stations concerned by each event.', (d) => d.events.map((e) => [e.id, e.stations])),
  linkTable('events', 'event', 'agreements', 'agreements', 'The agreements concerned by each event.', (d) => d.events.map((e) => [e.id, e.agreements])),
  citationTable('events', 'event', (d) => d.events),
];
