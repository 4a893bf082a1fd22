/**
 * The npm package as a consumer meets it: packed with `npm pack`, installed
 * from the tarball into a throw-away project, then imported, required,
 * type-checked and linted (publint, attw).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/fixture.js';
import { snapshot } from './helpers/build.js';
import { releaseDocuments } from '../scripts/build/release-docs.js';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name);
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
let tarball: string;
let packed: Array<{ path: string }>;
let consumer: string;

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'ops-pack-'));
  const result = JSON.parse(npm(['pack', '--json', '--pack-destination', work], PROJECT_ROOT))[0];
  tarball = join(work, result.filename);
  packed = result.files;
  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const zod = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/zod/package.json'), 'utf8')).version;
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `zod@${zod}`, `@types/node@${JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/@types/node/package.json'), 'utf8')).version}`], consumer);
}, 180_000);

const run = (file: string, source: string) => {
  writeFileSync(join(consumer, file), source);
  return spawnSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' });
};

describe('the packed tarball', () => {
  it('holds exactly dist/, the licence, citation, changelog, readme, docs/ and package.json', () => {
    // The site (npm run site) and its screenshot live in dist/ too, but are not part of the package;
    // dist/ also holds a copy of the documents, which the package carries at its root instead.
    const documents = [...releaseDocuments().keys()];
    const expected = [...snapshot(join(PROJECT_ROOT, 'dist')).keys()].filter((p) => !p.startsWith('site/') && !p.endsWith('.png') && !documents.includes(p)).map((p) => `dist/${p}`);
    expected.push(...documents, 'package.json');
    expect(packed.map((f) => f.path).sort()).toEqual(expected.sort());
  });

  it('carries the documentation the README links to, so that no relative link is dead', () => {
    const paths = new Set(packed.map((f) => f.path));
    for (const path of ['README.md', 'LICENSE', 'CITATION.cff', 'docs/METHODOLOGY.md', 'docs/data-dictionary.md']) expect(paths.has(path), path).toBe(true);
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((link) => !link.startsWith('dist/'));
    expect(relative.length).toBeGreaterThan(2);
    for (const link of relative) expect(paths.has(link), `README links ${link}`).toBe(true);
  });

  it('names the repository, homepage and issue tracker', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    expect(pkg.repository.url).toBe('git+https://github.com/overseas-police-stations/overseas-police-stations.git');
    expect(pkg.homepage).toBe('https://overseas-police-stations.github.io/overseas-police-stations/');
    expect(pkg.bugs.url).toBe('https://github.com/overseas-police-stations/overseas-police-stations/issues');
  });

  it('has a data entry that imports nothing (no Zod needed to read the data)', () => {
    const entry = readFileSync(join(PROJECT_ROOT, 'dist/index.js'), 'utf8');
    expect(entry).not.toMatch(/^\s*import\b/m);
    expect(entry).not.toMatch(/\brequire\(/);
  });
});

describe('a consumer project', () => {
  it('imports the data as ESM', () => {
    const out = run('esm.mjs', `import { stations, getStation, sourcesOf, statementsAbout, figureVersions } from 'overseas-police-stations';
const prato = getStation('it-prato-fuzhou');
console.log(JSON.stringify({ n: stations.length, city: prato.city, sources: sourcesOf(prato).length, about: statementsAbout('it-prato-fuzhou').length, returns: figureVersions('persuaded-returns').map((f) => f.value).sort() }));`);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout);
    expect(result.n).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/stations.json'), 'utf8')).length);
    expect(result.city).toBe('Prato');
    expect(result.sources).toBeGreaterThan(3);
    expect(result.about).toBeGreaterThan(3);
    expect(result.returns).toEqual([210000, 230000, 69000].sort());
  });

  it('requires the data from CommonJS (Node 20 require of ESM)', () => {
    const out = run('cjs.cjs', `const { stations, getStation } = require('overseas-police-stations'); console.log(stations.length, getStation('us-new-york-fuzhou').city);`);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^\d+ New York\n$/);
  });

  it('throws a clear error for an unknown id at run time', () => {
    const out = run('unknown.mjs', `import { getStation } from 'overseas-police-stations'; try { getStation('nope'); } catch (e) { console.log(e.name, e.message); }`);
    expect(out.stdout).toContain('RangeError no record in stations has the id "nope"');
  });

  it('resolves every subpath export to a file', () => {
    const out = run('subpaths.mjs', `import { existsSync } from 'node:fs'; import { fileURLToPath } from 'node:url';
const subpaths = ['overseas-police-stations', 'overseas-police-stations/schemas', 'overseas-police-stations/data/stations.json', 'overseas-police-stations/csv/stations.csv', 'overseas-police-stations/csv/station_sources.csv', 'overseas-police-stations/schema/stations.schema.json', 'overseas-police-stations/datapackage.json', 'overseas-police-stations/stations.geojson', 'overseas-police-stations/sources.csl.json', 'overseas-police-stations/sources.bib', 'overseas-police-stations/package.json'];
console.log(JSON.stringify(subpaths.map((s) => [s, existsSync(fileURLToPath(import.meta.resolve(s)))])));`);
    expect(out.stderr).toBe('');
    for (const [subpath, exists] of JSON.parse(out.stdout)) expect(exists, subpath).toBe(true);
  });

  it('validates records at run time with the Zod schemas from /schemas', () => {
    const out = run('schemas.mjs', `import { Station } from 'overseas-police-stations/schemas'; import { stations } from 'overseas-police-stations';
console.log(Station.safeParse(stations[0]).success, Station.safeParse({}).success);`);
    expect(out.stdout.trim()).toBe('true false');
  });

  const typecheck = (source: string) => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'], skipLibCheck: false }, files: ['check.ts'] }));
    writeFileSync(join(consumer, 'check.ts'), source);
    return spawnSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
  };

  it('type-checks under module nodenext, with record types equal to the Zod-inferred types', () => {
    const out = typecheck(`import { stations, getStation, figureVersions, type Station, type StationId, type Statement, type Figure, type Source, type Actor, type Agreement, type Event } from 'overseas-police-stations';
import type { z } from 'zod';
import type * as S from 'overseas-police-stations/schemas';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const checks: [
  Equal<Station, z.infer<typeof S.Station>>, Equal<Statement, z.infer<typeof S.Statement>>, Equal<Figure, z.infer<typeof S.Figure>>,
  Equal<Source, z.infer<typeof S.Source>>, Equal<Actor, z.infer<typeof S.Actor>>, Equal<Agreement, z.infer<typeof S.Agreement>>, Equal<Event, z.infer<typeof S.Event>>,
] = [true, true, true, true, true, true, true];
const id: StationId = 'it-prato-fuzhou';
const city: string | undefined = getStation(id).city;
const first: Station | undefined = stations[0];
const values: number[] = figureVersions('stations-in-italy').map((f) => f.value);
// @ts-expect-error the arrays are read-only
stations.push(first!);
export { checks, city, values };
`);
    expect(out.stdout + out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it('rejects a misspelt id at compile time', () => {
    const out = typecheck(`import { getStation } from 'overseas-police-stations';\ngetStation('it-prato-fuzho');\n`);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toMatch(/check\.ts\(2,12\): error TS2345: Argument of type '"it-prato-fuzho"' is not assignable/);
  });
});

describe('package linters (offline)', () => {
  it('publint finds nothing', () => {
    const out = spawnSync(bin('publint'), [tarball, '--strict'], { encoding: 'utf8' });
    expect(out.stdout).toContain('All good!');
    expect(out.status).toBe(0);
  });

  it('attw passes with the esm-only profile (the .bib and .geojson subpaths are plain files, checked above)', () => {
    const out = spawnSync(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './sources.bib', './stations.geojson'], { encoding: 'utf8' });
    expect(out.status, out.stdout + out.stderr).toBe(0);
  });
});
