/** Stations as an RFC 7946 FeatureCollection: longitude first, flat properties. */
import type { Station } from '../../schemas/index.js';
import { preferredValue } from './records.js';


export function stationsGeoJson(stations: readonly Station[]) {
  return {
    type: 'FeatureCollection',
    features: stations
      .filter((s) => s.coordinates)
      .map((s) => ({
        type: 'Feature',
        id: s.id,
        geometry: { type: 'Point', coordinates: [s.coordinates!.lon, s.coordinates!.lat] },
        properties: {
          id: s.id,
          name: s.name,
          city: s.city ?? null,
          region: s.region ?? null,
          country: s.country,
          location_precision: s.coordinates!.precision,
          status: s.status.value,
          status_as_of: s.status.as_of,
          operator: [...new Set(s.operator.map((c) => c.value))].join('; ') || null,
          opened: preferredValue(s.opened) ?? null,
          reported_by: s.reported_by.map((c) => c.value).join('; '),
        },
      })),
  };
}
