/** A reported overseas Chinese police "service station". */
import { z } from 'zod';
import { Citations, claims, CountryCode, Id, OriginalName, PartialDate, ref, Text, Verification } from './primitives.js';
import { LocationPrecision, StationEventKind, StationStatus } from './vocabulary.js';

export const Coordinates = z
  .strictObject({
    lat: z.number().min(-90).max(90).describe('Latitude, WGS 84 decimal degrees.'),
    lon: z.number().min(-180).max(180).describe('Longitude, WGS 84 decimal degrees.'),
    precision: LocationPrecision,
  })
  .describe('Where to put the station on a map, at city or region level.');

export const StationEvent = z
  .strictObject({
    date: PartialDate.describe('When it happened.'),
    kind: StationEventKind,
    description: Text.describe('What happened, in the project’s words, attributed.'),
    actors: z.array(ref('actors')).optional().describe('Ids of the actors involved.'),
    sources: Citations,
  })
  .describe('A dated event in the history of a station.');

export const StationStatusRecord = z
  .strictObject({
    value: StationStatus,
    as_of: PartialDate.describe('Date of the latest source that supports the status.'),
    basis: Text.describe('What the status rests on, attributed.'),
    sources: Citations,
  })
  .describe('The station’s status as of a date, and what it rests on.');

export const Station = z
  .strictObject({
    id: Id.describe('Stable identifier: country code, city and, where known, operating bureau (it-prato-fuzhou).'),
    name: Text.describe('Name as reported; a descriptive name where the sources give none.'),
    name_original: OriginalName.optional(),
    city: Text.optional().describe('City or town as reported; absent where only the region is known.'),
    region: Text.optional().describe('Region, state or province.'),
    country: CountryCode,
    coordinates: Coordinates.optional(),
    address: claims(Text, 'The published street address or host premises.'),
    host_organisation: claims(ref('actors'), 'Id of the association or business said to host the station.'),
    operator: claims(ref('actors'), 'Id of the Chinese public security bureau said to operate the station.'),
    opened: claims(PartialDate, 'When the station is said to have opened.'),
    reported_by: claims(ref('actors'), 'Id of the actor who reports the station’s existence.').min(1),
    status: StationStatusRecord,
    history: z.array(StationEvent).describe('What happened to the station, in date order.'),
    notes: Text.optional().describe('What is not established, and other caveats.'),
    sources: Citations,
    verification: Verification.optional(),
  })
  .describe('A reported overseas Chinese police "service station". Its existence is a claim by whoever reported it.');
export type Station = z.infer<typeof Station>;
