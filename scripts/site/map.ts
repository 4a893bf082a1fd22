/**
 * The station maps: a world map, a Europe inset and an Italy inset. Each is a
 * background SVG drawn at build time (country shapes from world-atlas,
 * projected with d3-geo) with the markers laid over it as HTML links, so that
 * a marker keeps a 24 px touch target whatever the map's width. Stations that
 * would overlap on a phone are clustered into one marker with a count that
 * opens the list of them; the stations of an inset appear on the larger map
 * as one marker that leads to the inset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Station } from '../../schemas/index.js';
import { countryName } from './countries.js';
import { esc, words } from './html.js';
import { glyph } from './status-style.js';

const require = createRequire(import.meta.url);
type Country = Feature<Geometry, { name: string }>;
const atlas = new Map<string, Country[]>();
/** Country shapes; the 50m atlas is simplified (Visvalingam, keeping the most significant 20 % of points) to keep the maps light. */
function countries(resolution: '110m' | '50m'): Country[] {
  if (!atlas.has(resolution)) {
    let topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    if (resolution === '50m') {
      const weighted = presimplify(topology, sphericalTriangleArea);
      topology = simplify(weighted, quantile(weighted, 0.2)) as typeof topology;
    }
    atlas.set(resolution, (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features);
  }
  return atlas.get(resolution)!;
}

/** The width, in CSS pixels, a map is drawn at on a 390 px phone (the page's padding taken off). */
export const PHONE_MAP_WIDTH = 358;
/** Above this viewport width the wide layer of markers is shown, and the insets sit side by side. */
export const WIDE_SCREEN = 1000;
/** Markers closer than this (CSS pixels, as drawn) are clustered. */
const TOUCH = 26;

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}
const EUROPE: Box = { west: -11, south: 34, east: 32, north: 61 };
const inBox = (s: Station, b: Box) => !!s.coordinates && s.coordinates.lon >= b.west && s.coordinates.lon <= b.east && s.coordinates.lat >= b.south && s.coordinates.lat <= b.north;
const boxPolygon = (b: Box): Polygon => ({
  type: 'Polygon',
  coordinates: [[[b.west, b.south], [b.west, b.north], [b.east, b.north], [b.east, b.south], [b.west, b.south]]], // clockwise: the box, not the rest of the globe
});

export interface MapDrawing {
  /** The background picture, written to `assets/<file>`. */
  file: string;
  svg: string;
  /** The figure with the markers over the picture. */
  html: string;
}

interface Inset {
  /** Element id of the inset's figure. */
  target: string;
  label: string;
  contains: (s: Station) => boolean;
  /** The inset's frame drawn on the larger map, if any. */
  frame?: Box;
}

const place = (s: Station) => [s.city ?? s.region, countryName(s.country)].filter(Boolean).join(', ');
export const stationLabel = (s: Station) => `${s.name}${s.city ? `, ${s.city}` : ''} (${countryName(s.country)}): ${words(s.status.value)}`;

/** Clustering in map units: the two closest groups merge (at their weighted centre) until every two groups are at least `reach` apart. */
function clusters(points: Array<{ s: Station; x: number; y: number }>, reach: number) {
  const groups = points.map((p) => ({ x: p.x, y: p.y, members: [p.s] }));
  for (;;) {
    let best: [number, number, number] | undefined;
    for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        const d = Math.hypot(groups[i]!.x - groups[j]!.x, groups[i]!.y - groups[j]!.y);
        if (d < reach && (!best || d < best[2])) best = [i, j, d];
      }
    if (!best) return groups;
    const [a, b] = [groups[best[0]]!, groups[best[1]]!];
    const n = a.members.length + b.members.length;
    a.x = (a.x * a.members.length + b.x * b.members.length) / n;
    a.y = (a.y * a.members.length + b.y * b.members.length) / n;
    a.members.push(...b.members);
    groups.splice(best[1], 1);
  }
}

function drawMap(o: {
  id: string;
  title: string;
  caption: string;
  width: number;
  height: number;
  projection: GeoProjection;
  shapes: Country[];
  focus?: Country;
  stations: readonly Station[];
  insets: Inset[];
  sphere?: boolean;
  frames?: Box[];
  prefix: string;
  /** The narrowest width, in CSS pixels, the map is drawn at on a wide screen (above WIDE_SCREEN). */
  wideWidth: number;
}): MapDrawing {
  const { width, height, projection } = o;
  projection.clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(1);
  const paths = o.shapes.map((c) => path(c)).map((d, i) => (d ? `<path${o.shapes[i] === o.focus ? ' class="focus"' : ''} d="${d}"/>` : '')).join('');
  const frames = (o.frames ?? []).map((b) => `<path class="frame" d="${path(boxPolygon(b))}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><style>path{fill:#e5e7eb;stroke:#9ca3af;stroke-width:.5}.focus{fill:#d1d5db}.sphere{fill:#f8fafc}.frame{fill:none;stroke:#374151;stroke-width:1.2;stroke-dasharray:4 3}</style><rect width="${width}" height="${height}" fill="#f8fafc"/>${o.sphere ? `<path class="sphere" d="${geoPath(projection)({ type: 'Sphere' })}"/>` : ''}${paths}${frames}</svg>\n`;

  const pct = (x: number, y: number) => `left:${((100 * x) / width).toFixed(2)}%;top:${((100 * y) / height).toFixed(2)}%`;
  const located = o.stations.filter((s) => s.coordinates);
  const points = located.filter((s) => !o.insets.some((i) => i.contains(s))).map((s) => {
    const [x, y] = projection([s.coordinates!.lon, s.coordinates!.lat])!;
    return { s, x, y };
  });
  /** The markers for a map drawn `drawn` CSS pixels wide: nothing closer than a touch target at that width. */
  const layer = (drawn: number): string => {
    const unit = width / drawn;
    const markers: string[] = [];
    for (const inset of o.insets) {
      const members = located.filter(inset.contains);
      if (!members.length) continue;
      const xy = members.map((s) => projection([s.coordinates!.lon, s.coordinates!.lat])!);
      const centre: [number, number] = [xy.reduce((a, p) => a + p[0], 0) / xy.length, xy.reduce((a, p) => a + p[1], 0) / xy.length];
      // The label goes where it covers no other marker: the members' centre, or else a point of the inset's frame or near the centre.
      const text = `${inset.label} ${members.length}`;
      const [halfW, halfH] = [((text.length * 8 + 18) / 2 + TOUCH / 2) * unit, TOUCH * unit];
      const frame = inset.frame ? [[inset.frame.west, inset.frame.north], [(inset.frame.west + inset.frame.east) / 2, inset.frame.north], [inset.frame.east, inset.frame.north], [inset.frame.west, inset.frame.south]].map((p) => projection(p as [number, number])!) : [];
      const candidates = [centre, ...frame, ...[-1, 1, -2, 2].map((k) => [centre[0], centre[1] + k * TOUCH * unit] as [number, number])].filter(([x, y]) => x > halfW / 2 && x < width - halfW / 2 && y > 0 && y < height);
      const free = (p: [number, number]) => points.every((q) => Math.abs(q.x - p[0]) >= halfW || Math.abs(q.y - p[1]) >= halfH);
      const [x, y] = candidates.find(free) ?? centre;
      markers.push(`<a class="marker region" href="#${inset.target}" style="${pct(x, y)}" aria-label="${esc(`${inset.label}: ${members.length} stations, shown on the ${inset.label} map`)}"><span aria-hidden="true">${esc(text)}</span></a>`);
    }
    for (const c of clusters(points, TOUCH * unit)) {
      if (c.members.length === 1) {
        const s = c.members[0]!;
        markers.push(`<a class="marker" href="${o.prefix}stations/${esc(s.id)}.html" style="${pct(c.x, c.y)}" aria-label="${esc(stationLabel(s))}" data-station="${esc(s.id)}" data-status="${esc(s.status.value)}">${glyph(s.status.value)}</a>`);
        continue;
      }
      c.members.sort((x, y) => x.name.localeCompare(y.name));
      const where = [...new Set(c.members.map(place))].join('; ');
      const list = c.members.map((s) => `<li><a href="${o.prefix}stations/${esc(s.id)}.html" data-station="${esc(s.id)}" data-status="${esc(s.status.value)}">${glyph(s.status.value)} ${esc(s.name)}</a> <span class="muted">${esc(place(s))} · ${esc(words(s.status.value))}</span></li>`).join('');
      markers.push(`<details class="cluster"><summary class="marker count" style="${pct(c.x, c.y)}" aria-label="${esc(`${c.members.length} stations: ${where}. Show them`)}"><span aria-hidden="true">${c.members.length}</span></summary><div class="cluster-list"><p>${c.members.length} stations: ${esc(where)}</p><ul>${list}</ul></div></details>`);
    }
    return markers.join('\n');
  };
  const html = `<figure class="map" id="${o.id}" aria-labelledby="${o.id}-caption">
<div class="map-canvas" style="aspect-ratio:${width}/${height}"><img src="${o.prefix}assets/${o.id}.svg" alt="" width="${width}" height="${height}">
<div class="layer layer-narrow">
${layer(PHONE_MAP_WIDTH)}
</div>
<div class="layer layer-wide">
${layer(o.wideWidth)}
</div>
</div>
<figcaption id="${o.id}-caption"><strong>${esc(o.title)}</strong>: ${esc(o.caption)}</figcaption>
</figure>`;
  return { file: `${o.id}.svg`, svg, html };
}

const italyInset: Inset = { target: 'map-italy', label: 'Italy', contains: (s) => s.country === 'IT' && !!s.coordinates };
const europeInset: Inset = { target: 'map-europe', label: 'Europe', contains: (s) => inBox(s, EUROPE), frame: EUROPE };

export function worldMap(stations: readonly Station[], prefix = ''): MapDrawing {
  const width = 960;
  const height = 470;
  const projection = geoEqualEarth().fitExtent([[6, 6], [width - 6, height - 6]], { type: 'Sphere' });
  const outside = stations.filter((s) => s.coordinates && !europeInset.contains(s)).length;
  return drawMap({ id: 'map-world', title: 'World', caption: `${outside} stations outside Europe; the dashed frame is the Europe map.`, width, height, projection, shapes: countries('110m'), stations, insets: [europeInset], sphere: true, frames: [EUROPE], prefix, wideWidth: 950 });
}

export function europeMap(stations: readonly Station[], prefix = ''): MapDrawing {
  const width = 600;
  const height = 520;
  const projection = geoMercator().fitExtent([[0, 0], [width, height]], boxPolygon(EUROPE));
  const shapes = countries('50m').filter((c) => {
    const [[w, s], [e, n]] = geoBounds(c);
    return n > EUROPE.south - 5 && s < EUROPE.north + 5 && (w > e || (e > EUROPE.west - 5 && w < EUROPE.east + 5));
  });
  const inEurope = stations.filter((s) => europeInset.contains(s));
  return drawMap({ id: 'map-europe', title: 'Europe', caption: `${inEurope.length} stations; Italy’s are on the Italy map.`, width, height, projection, shapes, stations: inEurope, insets: [italyInset], prefix, wideWidth: 560 });
}

export function italyMap(stations: readonly Station[], prefix = ''): MapDrawing {
  const width = 420;
  const height = 480;
  const all = countries('50m');
  const italy = all.find((c) => c.properties.name === 'Italy')!;
  const projection = geoMercator().fitExtent([[20, 20], [width - 20, height - 20]], italy);
  const near = all.filter((c) => {
    const [[w, s], [e, n]] = geoBounds(c);
    return e > 4 && w < 21 && n > 35 && s < 49;
  });
  const located = stations.filter((s) => italyInset.contains(s));
  return drawMap({ id: 'map-italy', title: 'Italy', caption: `${located.length} stations; a number is a group of stations too close to tell apart, select it for the list.`, width, height, projection, shapes: near, focus: italy, stations: located, insets: [], prefix, wideWidth: 370 });
}
