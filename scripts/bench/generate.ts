/**
 * A seeded generator of synthetic, schema-valid datasets: every collection at
 * the same size, with valid cross-references, realistic string lengths and
 * Unicode (Chinese, Italian accents, emoji, quotes). Writes DIR/data/*.json;
 * never touches the project's own data/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and repeatable. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['stazione', 'polizia', 'Prato', 'Milano', 'città', 'perché', '温州', '青田', '福州', '公安局', 'report', 'minister', '“quoted”', 'l’associazione', 'Zürich', 'São', '😀', 'station', 'closure', 'investigation', 'agreement', 'patrol', 'forced', 'returns', 'a,b', 'Roma'];
const CITIES: Array<[string, string, number, number]> = [['Prato', 'IT', 43.88, 11.1], ['Milan', 'IT', 45.46, 9.19], ['Rome', 'IT', 41.9, 12.5], ['Dublin', 'IE', 53.35, -6.26], ['Madrid', 'ES', 40.42, -3.7], ['Tokyo', 'JP', 35.69, 139.75], ['Sydney', 'AU', -33.87, 151.21]];

export function generateDataset(size: number, seed = 1): Record<string, unknown[]> {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  const words = (min: number, max: number) => Array.from({ length: min + int(max - min + 1) }, () => pick(WORDS)).join(' ');
  const date = () => {
    const y = 2014 + int(12);
    const m = 1 + int(12);
    const d = 1 + int(28);
    const precision = int(3);
    return precision === 0 ? `${y}` : precision === 1 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const pad = (i: number) => String(i).padStart(7, '0');
  const id = (prefix: string, i: number) => `${prefix}-${pad(i)}`;
  // Every citation with its excerpt and every checked record with its verification, as the rules ask of the real data:
  // the benchmark measures a dataset without warnings (a warning per record would be a million problems held and printed).
  const cite = () => ({ source: id('source', int(size)), excerpt: words(4, 12) });
  const verification = () => ({ verification: { status: 'verified', checked: '2026-11-20' } });
  const cites = () => Array.from({ length: 1 + int(2) }, cite);
  const actor = () => id('actor', int(size));

  const sources = Array.from({ length: size }, (_, i) => ({
    id: id('source', i), kind: pick(['news-article', 'ngo-report', 'government-statement', 'official-media']), title: words(6, 14), publisher: words(1, 3),
    authors: rnd() < 0.5 ? [{ family: words(1, 1), given: words(1, 1) }] : [], date: date(), url: `https://example.org/${i}/${encodeURIComponent(words(2, 3))}`, language: pick(['en', 'it', 'zh-Hans']),
    reliability: pick(['primary', 'established-media', 'secondary']), ...(i > 0 && rnd() < 0.1 ? { original: id('source', int(i)), relation: 'translation' } : {}),
  }));
  const actors = Array.from({ length: size }, (_, i) => ({
    id: id('actor', i), name: words(2, 4), ...(rnd() < 0.3 ? { name_original: { text: '温州市公安局', language: 'zh-Hans' } } : {}),
    kind: pick(['person', 'ngo', 'government-body', 'police-bureau']), country: pick(['IT', 'CN', 'US']), role: words(5, 15), sources: cites(),
  }));
  const stations = Array.from({ length: size }, (_, i) => {
    const [city, country, lat, lon] = pick(CITIES);
    const opened = `${2016 + int(4)}`;
    return {
      id: id('station', i), name: words(3, 6), city, country, coordinates: { lat, lon, precision: 'city' },
      address: rnd() < 0.3 ? [{ value: words(3, 6), sources: cites() }] : [], host_organisation: [],
      operator: [{ value: actor(), claimed_by: actor(), sources: cites() }], opened: [{ value: opened, sources: cites() }],
      reported_by: [{ value: actor(), sources: cites() }],
      status: { value: pick(['reported', 'closed', 'under-investigation']), as_of: '2022-12-07', basis: words(8, 20), sources: cites() },
      history: [
        { date: opened, kind: 'opened', description: words(6, 20), sources: cites() },
        { date: '2022-12', kind: 'listed', description: words(6, 20), actors: [actor()], sources: cites() },
      ],
      notes: words(10, 30), sources: cites(), ...verification(),
    };
  });
  const agreements = Array.from({ length: size }, (_, i) => ({
    id: id('agreement', i), title: words(6, 12), kind: 'memorandum-of-understanding', parties: [actor(), actor()], subject: words(8, 20),
    signing: [{ value: { date: '2015-09-24', place: 'The Hague', signatories: [actor()] }, sources: cites(), preferred: { reason: words(5, 10) } }, { value: { date: '2015-04-27', signatories: [] }, sources: cites() }],
    in_force: [{ start: '2016', end: '2019', sources: cites() }], status: { value: 'discontinued', as_of: '2022-12-19', sources: cites() },
    events: [{ date: '2016-05-02', end: '2016-05-13', kind: 'patrol-edition', description: words(6, 16), places: ['Rome', 'Milan'], sources: cites() }], sources: cites(), ...verification(),
  }));
  const figures = Array.from({ length: size }, (_, i) => {
    const measure = `measure-${int(Math.max(1, size / 5))}`;
    const value = int(1_000_000);
    return {
      id: id('figure', i), measure, value, unit: 'people', qualifier: 'about', as_printed: `about ${value}`,
      scope: { country: 'IT', description: words(4, 10) }, as_of: date(), time_basis: 'stated', claimed_by: actor(), sources: cites(), ...verification(),
    };
  });
  const statements = Array.from({ length: size }, (_, i) => ({
    id: id('statement', i), speaker: actor(), date: date(), setting: { kind: 'interview', description: words(3, 8) }, form: 'direct',
    text: words(15, 60), language: 'it', translation_en: words(15, 60), translation_by: 'project', stance: pick(['alleges', 'denies', 'confirms']),
    about: { stations: [id('station', int(size))], figures: [id('figure', int(size))] }, sources: cites(), ...verification(),
  }));
  const events = Array.from({ length: size }, (_, i) => ({
    id: id('event', i), date: date(), kind: 'report-published', title: words(5, 12), actors: [actor()], stations: [id('station', int(size))], sources: cites(), ...verification(),
  }));
  return { sources, actors, stations, agreements, statements, figures, events };
}

export function writeDataset(dir: string, data: Record<string, unknown[]>) {
  mkdirSync(join(dir, 'data'), { recursive: true });
  for (const [name, records] of Object.entries(data)) writeFileSync(join(dir, 'data', `${name}.json`), JSON.stringify(records, null, 2) + '\n');
}
