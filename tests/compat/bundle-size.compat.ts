/**
 * `npm run test:compat`: what each entry of the package costs a browser app,
 * bundled from the installed tarball by a real bundler (esbuild, minified, for
 * the browser), and whether the per-collection entries keep the other
 * collections out. The README's table grows stale as the data grows: more than
 * 20 % off prints a warning, more than twice or half the size fails;
 * `UPDATE_README=1 npm run test:compat` rewrites it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../../schemas/index.js';
import { PROJECT_ROOT } from '../helpers/fixture.js';
import { npm, pack, type Packed } from '../helpers/pack.js';
import { replaceBlock } from '../../scripts/lib/generated-block.js';

interface Case {
  label: string;
  source: string;
}

const CASES: Case[] = [
  { label: '`overseas-police-stations` (everything)', source: `import * as all from 'overseas-police-stations';\nconsole.log(all);\n` },
  { label: '`{ stations, getStation }` from `overseas-police-stations`', source: `import { stations, getStation } from 'overseas-police-stations';\nconsole.log(stations, getStation);\n` },
  ...collections.map((c) => ({ label: `\`overseas-police-stations/${c.name}\``, source: `import * as entry from 'overseas-police-stations/${c.name}';\nconsole.log(entry);\n` })),
];

let packed: Packed;
let consumer: string;
const sizes = new Map<string, { text: string; minified: number; gzipped: number }>();

beforeAll(async () => {
  packed = pack('ops-bundle-');
  consumer = join(packed.work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', packed.tarball], consumer);
  for (const [i, c] of CASES.entries()) {
    const file = join(consumer, `case-${i}.js`);
    writeFileSync(file, c.source);
    const result = await build({ entryPoints: [file], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, absWorkingDir: consumer, logLevel: 'silent' });
    const bytes = Buffer.from(result.outputFiles[0]!.contents);
    sizes.set(c.label, { text: bytes.toString('utf8'), minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length });
  }
}, 300_000);

afterAll(() => {
  if (packed) rmSync(packed.work, { recursive: true, force: true });
});

const data = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', `${c.name}.json`), 'utf8')) as Array<Record<string, unknown>>]));
/** A run of plain text that only that collection's data holds (minifiers keep such text as it is). */
function marker(name: string): string {
  const others = JSON.stringify(Object.entries(data).filter(([n]) => n !== name).map(([, v]) => v));
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data[name]);
  const found = texts.map((t) => /[A-Za-z0-9 ,.]{24}/.exec(t)?.[0]).find((t): t is string => t !== undefined && !others.includes(t));
  if (!found) throw new Error(`no text of ${name} is unique to it`);
  return found;
}

describe('bundles of the entries (esbuild, minified, browser)', () => {
  for (const c of collections) {
    it(`overseas-police-stations/${c.name} holds ${c.name} and no other collection`, () => {
      const text = sizes.get(`\`overseas-police-stations/${c.name}\``)!.text;
      expect(text).toContain(marker(c.name));
      for (const other of collections) if (other.name !== c.name) expect(text.includes(marker(other.name)), `${c.name} bundles ${other.name}`).toBe(false);
    });
  }

  it('tree-shakes the root entry: importing the stations from it bundles no statements', () => {
    // The markers are found where they are bundled, so their absence below means something.
    const everything = sizes.get('`overseas-police-stations` (everything)')!.text;
    for (const c of collections) expect(everything, c.name).toContain(marker(c.name));
    const text = sizes.get('`{ stations, getStation }` from `overseas-police-stations`')!.text;
    expect(text).toContain(marker('stations'));
    expect(text.includes(marker('statements'))).toBe(false);
    expect(sizes.get('`{ stations, getStation }` from `overseas-police-stations`')!.minified).toBeLessThan(sizes.get('`overseas-police-stations` (everything)')!.minified / 2);
  });

  it('matches the README’s table (a warning beyond 20 %, a failure beyond a factor of two)', () => {
    const kB = (n: number) => `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} kB`;
    const rows = CASES.map((c) => `| ${c.label} | ${kB(sizes.get(c.label)!.minified)} | ${kB(sizes.get(c.label)!.gzipped)} |`);
    const table = ['| import | minified | gzipped |', '| --- | ---: | ---: |', ...rows].join('\n');
    const readmePath = join(PROJECT_ROOT, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    if (process.env.UPDATE_README === '1') writeFileSync(readmePath, replaceBlock(readme, 'README.md', 'bundle-sizes', table)); // then checked like any other
    const stated = new Map(
      (new RegExp('<!-- bundle-sizes:start[^>]*-->\\n([\\s\\S]*?)\\n<!-- bundle-sizes:end -->').exec(readFileSync(readmePath, 'utf8'))?.[1] ?? '')
        .split('\n')
        .slice(2)
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map(([, label, minified, gzipped]) => [label!, [parseFloat(minified!) * 1000, parseFloat(gzipped!) * 1000]] as const),
    );
    expect([...stated.keys()], 'the README lists every entry').toEqual(CASES.map((c) => c.label));
    for (const c of CASES) {
      const [minified, gzipped] = stated.get(c.label)!;
      const measured = sizes.get(c.label)!;
      const hint = `${c.label}: measured ${kB(measured.minified)} / ${kB(measured.gzipped)}; run UPDATE_README=1 npm run test:compat`;
      for (const [stated, actual] of [[minified!, measured.minified], [gzipped!, measured.gzipped]] as const) {
        if (Math.abs(stated - actual) / actual > 0.2) console.warn(`README bundle sizes are stale: ${hint}`);
        expect(actual / stated, hint).toBeGreaterThanOrEqual(0.5);
        expect(actual / stated, hint).toBeLessThanOrEqual(2);
      }
    }
  });
});
