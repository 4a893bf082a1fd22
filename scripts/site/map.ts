/**
 * The station map as plain SVG, drawn at build time: country shapes from the
 * world-atlas package, projected with d3-geo. One focusable, labelled marker per
 * station with coordinates, coloured by status; an inset zooms on Italy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Station } from '../../schemas/index.js';
import { esc } from './html.js';

const require = createRequire(import.meta.url);
function countries(resolution: '110m' | '50m'): Array<Feature<Geometry, { name: string }>> {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
}

export const STATUS_COLOURS: Record<Station['status']['value'], string> = {
  reported: '#4b5563',
  'under-investigation': '#b45309',
  'no-evidence-found': '#1d4ed8',
  'investigation-closed': '#0e7490',
  'confirmed-by-authorities': '#6d28d9',
  'closure-ordered': '#b91c1c',
  closed: '#111827',
  'checks-ongoing': '#92400e',
  'activities-ceased': '#374151',
  'referred-to-prosecutors': '#be185d',
  charged: '#9d174d',
  convicted: '#831843',
  acquitted: '#0f766e',
};

/** Stations that share a point are spread on a small ring so each stays clickable. */
function spread(stations: readonly Station[], project: GeoProjection, radius: number): Array<{ s: Station; x: number; y: number }> {
  const groups = new Map<string, Station[]>();
  for (const s of stations) {
    const key = `${s.coordinates!.lat},${s.coordinates!.lon}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].flatMap((group) =>
    group.map((s, i) => {
      const [x, y] = project([s.coordinates!.lon, s.coordinates!.lat])!;
      const angle = (2 * Math.PI * i) / group.length;
      const r = group.length > 1 ? radius : 0;
      return { s, x: x + r * Math.cos(angle), y: y + r * Math.sin(angle) };
    }),
  );
}

function markers(stations: readonly Station[], project: GeoProjection, size: number, prefix: string): string {
  return spread(stations, project, size * 1.6)
    .map(({ s, x, y }) => {
      const label = `${s.name}${s.city ? `, ${s.city}` : ''} (${s.country}): ${s.status.value.replace(/-/g, ' ')}`;
      return `<a class="marker" href="${prefix}stations/${esc(s.id)}.html" aria-label="${esc(label)}" data-station="${esc(s.id)}" data-status="${esc(s.status.value)}"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${size}" fill="${STATUS_COLOURS[s.status.value]}"><title>${esc(label)}</title></circle></a>`;
    })
    .join('\n');
}

export function worldMap(stations: readonly Station[]): string {
  const located = stations.filter((s) => s.coordinates);
  const width = 960;
  const height = 500;
  const projection = geoEqualEarth().fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
  const path = geoPath(projection).digits(1);
  const shapes = countries('110m').map((c) => `<path d="${path(c)}"><title>${esc(c.properties.name)}</title></path>`).join('');
  return `<svg class="map world" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="world-map-title">
<title id="world-map-title">World map of ${located.length} reported stations with known locations</title>
<path class="sphere" d="${path({ type: 'Sphere' })}"/>
<g class="countries" aria-hidden="true">${shapes}</g>
<g class="markers">
${markers(located, projection, 3.2, '')}
</g>
</svg>`;
}

export function italyMap(stations: readonly Station[]): string {
  const located = stations.filter((s) => s.coordinates && s.country === 'IT');
  const width = 420;
  const height = 480;
  const all = countries('50m');
  const italy = all.find((c) => c.properties.name === 'Italy')!;
  const projection = geoMercator().fitExtent([[20, 20], [width - 20, height - 20]], italy);
  const path = geoPath(projection).digits(1);
  const near = all.filter((c) => {
    const [[w, s], [e, n]] = geoBounds(c);
    return e > 4 && w < 21 && n > 35 && s < 49;
  });
  const shapes = near.map((c) => `<path class="${c === italy ? 'focus' : ''}" d="${path(c)}"/>`).join('');
  return `<svg class="map italy" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="italy-map-title">
<title id="italy-map-title">Italy: ${located.length} reported stations</title>
<g class="countries" aria-hidden="true">${shapes}</g>
<g class="markers">
${markers(located, projection, 6, '')}
</g>
</svg>`;
}

export function legend(): string {
  return `<ul class="legend" aria-label="Marker colours by status">${Object.entries(STATUS_COLOURS)
    .map(([status, colour]) => `<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="${colour}"/></svg> ${esc(status.replace(/-/g, ' '))}</li>`)
    .join('')}</ul>`;
}
