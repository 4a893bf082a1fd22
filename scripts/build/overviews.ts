/**
 * The readable overviews: one row per station, statement and figure, with
 * names instead of ids, the main source's URL and title, and the record's page
 * on the site. They are for reading and filtering in a spreadsheet; the
 * normalised tables keep every version and every citation.
 *
 * The main source of a record is the first entry of its own `sources` list
 * (the first citation anywhere in the record where that list is empty).
 */
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { projectRoot } from '../lib/cli.js';
import * as V from '../../schemas/vocabulary.js';
import { countryName } from './country-names.js';
import type { Dataset } from './dataset.js';
import { lookups, sourceLabel, type Lookups } from './names.js';
import { citationsOf } from './records.js';
import { bool, date, id, join, list, text, url, vocab, type Table } from './table-fields.js';

/** The site's address, from package.json's `homepage` (the one place it is written). */
export function siteHome(root = projectRoot()): string {
  const home = (JSON.parse(readFileSync(joinPath(root, 'package.json'), 'utf8')) as { homepage?: string }).homepage;
  if (!home) throw new Error('package.json has no homepage; the overviews link every record to its page on the site');
  return home.endsWith('/') ? home : `${home}/`;
}

interface Cited {
  sources?: ReadonlyArray<{ source: string }>;
}

function mainSource(record: Cited, find: Lookups) {
  const first = record.sources?.[0]?.source ?? citationsOf(record)[0]?.source;
  const source = find.source(first);
  return { source_url: source?.url, source_title: sourceLabel(source) };
}

/** Who translated a statement's words into its text: the translator's name, else the kind (machine, project, outlet). */
const translator = (t: { kind: string; by?: string } | undefined, find: Lookups) => (t ? (t.by ? (find.actorName(t.by) ?? t.by) : t.kind) : undefined);
const unique = (ids: readonly string[]) => [...new Set(ids)];
const names = (ids: readonly string[], find: Lookups) => join(unique(ids).map((a) => find.actorName(a) ?? a));
/** Claims in the project's order of preference: the preferred version first, then the others as recorded. */
const preferredFirst = <T extends { preferred?: unknown }>(claims: readonly T[]) => [...claims.filter((c) => c.preferred), ...claims.filter((c) => !c.preferred)];
/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) sort as text; the shortest form of a tie comes first. */
const earliest = (dates: readonly string[]) => (dates.length ? [...dates].sort()[0] : undefined);

const sourceFields = () => [
  url('source_url', 'Where the main source (the first cited for the record) can be read.'),
  text('source_title', 'Title of the main source as published; the project\'s description in brackets where the source has no title.'),
];
const pageField = (what: string) => url('page', `The ${what}'s page on the project's site.`, true);
const verificationFields = () => [
  vocab('verification_status', V.VerificationStatus, 'Outcome of checking the record against readable copies of its sources; empty where not yet checked.', false),
  text('verification_note', 'What was corrected, or what could not be read and why.'),
];
const verificationCells = (r: { verification?: { status: string; note?: string } }) => ({ verification_status: r.verification?.status, verification_note: r.verification?.note });

export function overviewTables(home: () => string = siteHome): Table[] {
  return [
    {
      name: 'stations-overview',
      collection: 'stations',
      title: 'Stations at a glance',
      description: 'One row per reported station, with names instead of ids: where it is, who is said to run it, who reports it, its status and the main source. Every version of a contested field is in station_claims.',
      primaryKey: ['id'],
      fields: [
        id('Stable identifier of the station (the key of stations.csv).'),
        text('name', 'Name as reported.', true),
        text('city', 'City or town.'),
        text('region', 'Region, state or province.'),
        text('country_code', 'ISO 3166-1 alpha-2 country code.', true),
        text('country', 'Country name in English.', true),
        list('operators', 'Names of the bureaus said to operate it, the preferred version first.'),
        list('reported_by', 'Names of the actors who report it.'),
        date('opened_earliest', 'Earliest opening date any source claims.'),
        vocab('status', V.StationStatus, 'Status as of status_as_of.'),
        date('status_as_of', 'Date of the latest source supporting the status.', true),
        text('status_basis', 'What the status rests on, attributed.', true),
        ...verificationFields(),
        ...sourceFields(),
        pageField('station'),
      ],
      rows: (d: Dataset) => {
        const find = lookups(d);
        const base = home();
        return d.stations.map((s) => ({
          id: s.id, name: s.name, city: s.city, region: s.region, country_code: s.country, country: countryName(s.country),
          operators: names(preferredFirst(s.operator).map((c) => c.value), find), reported_by: names(preferredFirst(s.reported_by).map((c) => c.value), find),
          opened_earliest: earliest(s.opened.map((c) => c.value)), status: s.status.value, status_as_of: s.status.as_of, status_basis: s.status.basis,
          ...verificationCells(s), ...mainSource(s, find), page: `${base}stations/${s.id}.html`,
        }));
      },
    },
    {
      name: 'statements-overview',
      collection: 'statements',
      title: 'Statements at a glance',
      description: 'One row per statement: who said it (name and role), when, the words verbatim as printed, the English translation, and the main source.',
      primaryKey: ['id'],
      fields: [
        id('Stable identifier of the statement (the key of statements.csv).'),
        text('speaker', 'Name of the speaker.', true),
        text('speaker_role', 'Role of the speaker relevant to this dataset.'),
        date('date', 'When it was said.', true),
        text('text', 'The words, verbatim as printed by the source.', true),
        text('language', 'Language of text (BCP 47).', true),
        text('text_translated_by', 'Where text is itself a translation of the words spoken: who translated them (the outlet or person by name, or "machine" or "project").'),
        text('translation_en', 'English translation, where text is not in English.'),
        vocab('translation_by', V.TranslationBy, 'Who made translation_en.', false),
        ...verificationFields(),
        ...sourceFields(),
        pageField('statement'),
      ],
      rows: (d: Dataset) => {
        const find = lookups(d);
        const base = home();
        return d.statements.map((s) => ({
          id: s.id, speaker: find.actorName(s.speaker) ?? s.speaker, speaker_role: find.actorRole(s.speaker), date: s.date, text: s.text, language: s.language,
          text_translated_by: translator(s.text_translation, find), translation_en: s.translation_en, translation_by: s.translation_by,
          ...verificationCells(s), ...mainSource(s, find), page: `${base}statements/${s.id}.html`,
        }));
      },
    },
    {
      name: 'figures-overview',
      collection: 'figures',
      title: 'Figures at a glance',
      description: 'One row per claimed value: what is measured, the number, the figure as printed, how exact, who claims it and when, and the main source. Rows with the same measure are versions of one number.',
      primaryKey: ['id'],
      fields: [
        id('Stable identifier of the claimed value (the key of figures.csv).'),
        { name: 'measure', type: 'string', description: 'What is measured (id shared by the versions of one number).', required: true },
        { name: 'value', type: 'number', description: 'The number in base units (no thousands separators).', required: true },
        vocab('unit', V.Unit, 'Unit.'),
        text('as_printed', 'The figure as the source prints it.'),
        vocab('qualifier', V.Qualifier, 'How exact.'),
        text('scope', 'What exactly is counted.', true),
        text('claimed_by', 'Name of the actor who asserts it.', true),
        text('reported_by', 'Name of the outlet or NGO that relays the claimant\'s number.'),
        date('stated_on', 'When the claim was made.'),
        date('as_of', 'Date of a count at one moment.'),
        bool('preferred', 'Whether this is the preferred value of its measure.'),
        ...verificationFields(),
        ...sourceFields(),
        pageField('figure'),
      ],
      rows: (d: Dataset) => {
        const find = lookups(d);
        const base = home();
        return d.figures.map((f) => ({
          id: f.id, measure: f.measure, value: f.value, unit: f.unit, as_printed: f.as_printed, qualifier: f.qualifier, scope: f.scope.description,
          claimed_by: find.actorName(f.claimed_by) ?? f.claimed_by, reported_by: f.reported_by && (find.actorName(f.reported_by) ?? f.reported_by),
          stated_on: f.stated_on, as_of: f.as_of, preferred: f.preferred !== undefined, ...verificationCells(f), ...mainSource(f, find), page: `${base}figures.html#${f.id}`,
        }));
      },
    },
  ];
}
