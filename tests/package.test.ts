/**
 * The npm package as a consumer meets it: packed with `npm pack`, installed
 * from the tarball into a throw-away project, then imported, required,
 * type-checked and linted (publint, attw). The other Node and TypeScript
 * versions of the README's compatibility table: tests/compat/ (npm run test:compat).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { markedSchema, referencePaths, typeName } from '../scripts/build/package-types.js';
import { PROJECT_ROOT } from './helpers/fixture.js';
import { snapshot } from './helpers/build.js';
import { releaseDocuments } from '../scripts/build/release-docs.js';
import { devVersion, npm, pack, readmeExample } from './helpers/pack.js';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; engines: { node: string } };
let tarball: string;
let packed: Array<{ path: string }>;
let consumer: string;
let work: string | undefined;

beforeAll(() => {
  const result = pack();
  work = result.work;
  tarball = result.tarball;
  packed = result.files;
  consumer = join(result.work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `zod@${devVersion('zod')}`, `@types/node@${devVersion('@types/node')}`], consumer);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (file: string, source: string) => {
  writeFileSync(join(consumer, file), source);
  return spawnSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' });
};

/** Every export target, with `*` patterns expanded against the packed files. */
function exportTargets(): Array<[subpath: string, file: string]> {
  const out: Array<[string, string]> = [];
  const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves));
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    for (const leaf of leaves(target)) {
      const file = leaf.replace(/^\.\//, '');
      if (!file.includes('*')) {
        out.push([subpath, file]);
        continue;
      }
      const [head, tail] = file.split('*') as [string, string];
      for (const p of packed.map((f) => f.path)) if (p.startsWith(head) && p.endsWith(tail) && !p.slice(head.length, -tail.length || undefined).includes('/')) out.push([subpath.replace('*', p.slice(head.length, p.length - tail.length)), p]);
    }
  }
  return out;
}

describe('the packed tarball', () => {
  it('holds exactly dist/, the licence, citation, changelog, readme, docs/ and package.json', () => {
    // The site (npm run site) and its screenshot live in dist/ too, but are not part of the package;
    // dist/ also holds a copy of the documents, which the package carries at its root instead.
    const documents = [...releaseDocuments().keys()];
    // The workbook, the database and its Datasette metadata repeat the CSVs (about 3 MB): they are downloads of the
    // site and the GitHub release, not part of the npm package.
    const downloadsOnly = new Set(['overseas-police-stations.xlsx', 'overseas-police-stations.sqlite', 'metadata.json']);
    const expected = [...snapshot(join(PROJECT_ROOT, 'dist')).keys()].filter((p) => !p.startsWith('site/') && !p.endsWith('.png') && !documents.includes(p) && !downloadsOnly.has(p)).map((p) => `dist/${p}`);
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

  it('has JavaScript entries that import nothing but their siblings (no Zod needed to read the data)', () => {
    const js = packed.map((f) => f.path).filter((p) => /^dist\/(index\.js|entries\/.*\.c?js)$/.test(p));
    expect(js.length).toBeGreaterThan(collections.length * 2);
    for (const file of js) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?from\s+"([^"]+)"|require\("([^"]+)"\)/gm)].map((m) => m[1] ?? m[2]!);
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\.?\//);
    }
  });

  it('exports every file it holds, or reaches it from an export (no dead subpaths)', () => {
    const reached = new Set(exportTargets().map(([, file]) => file));
    const queue = [...reached];
    while (queue.length) {
      const file = queue.pop()!;
      if (!/\.(c?js|d\.c?ts)$/.test(file)) continue;
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const m of text.matchAll(/\bfrom\s+["'](\.[^"']+)["']|require\("(\.[^"]+)"\)/g)) {
        let target = join(file, '..', m[1] ?? m[2]!);
        if (file.endsWith('.d.ts')) target = target.replace(/\.js$/, '.d.ts');
        if (file.endsWith('.d.cts')) target = target.replace(/\.cjs$/, '.d.cts');
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    // Documents (README, licence, changelog, docs/*.md) are read by people, not imported.
    const metadata = new Set(['package.json', ...releaseDocuments().keys()]);
    const dead = packed.map((f) => f.path).filter((p) => !reached.has(p) && !metadata.has(p));
    expect(dead).toEqual([]);
    for (const file of reached) expect(packed.some((f) => f.path === file), `${file} is exported or imported but not packed`).toBe(true);
  });

  it('refers readers of its declarations only to test files that exist', () => {
    const mentioned = ['dist/index.d.ts', 'dist/entries/types.d.ts'].flatMap((file) => [...readFileSync(join(PROJECT_ROOT, file), 'utf8').matchAll(/\btests\/[\w./-]+\.ts\b/g)].map((m) => m[0]));
    expect(mentioned.length).toBeGreaterThan(0);
    for (const path of mentioned) expect(existsSync(join(PROJECT_ROOT, path)), path).toBe(true);
  });

  it('declares engines that match the README’s compatibility table', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('`^20.19.0 || >=22.12.0`');
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

  it('requires the data from CommonJS and gets the same objects as import (one copy of the data)', () => {
    const out = run('cjs.cjs', `const { stations, getStation } = require('overseas-police-stations');
const own = require('overseas-police-stations/stations');
import('overseas-police-stations').then((esm) => console.log(stations.length, getStation('us-new-york-fuzhou').city, esm.stations === stations, own.stations === stations));`);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^\d+ New York true true\n$/);
  });

  it('freezes the data deeply: a write throws in strict mode and changes nothing', () => {
    const out = run('frozen.mjs', `import { stations, statements, getStation } from 'overseas-police-stations';
const attempts = {
  push: () => stations.push(stations[0]),
  field: () => { getStation('it-prato-fuzhou').city = 'Florence'; },
  nested: () => { getStation('it-prato-fuzhou').status.sources[0].excerpt = 'forged'; },
  claim: () => { getStation('it-prato-fuzhou').reported_by.length = 0; },
  statement: () => { delete statements[0].text; },
};
const thrown = Object.fromEntries(Object.entries(attempts).map(([k, f]) => { try { f(); return [k, 'no error']; } catch (e) { return [k, e.constructor.name]; } }));
console.log(JSON.stringify({ thrown, city: getStation('it-prato-fuzhou').city, first: stations[0].id === stations.at(-1).id }));`);
    expect(out.stderr).toBe('');
    const { thrown, city, first } = JSON.parse(out.stdout);
    expect(thrown).toEqual({ push: 'TypeError', field: 'TypeError', nested: 'TypeError', claim: 'TypeError', statement: 'TypeError' });
    expect(city).toBe('Prato');
    expect(first).toBe(false);
  });

  it('looks up without throwing, guards ids, and follows every kind of relation', () => {
    const out = run('relations.mjs', `import * as p from 'overseas-police-stations';
const prato = p.getStation('it-prato-fuzhou');
const cited = p.citationsOf(prato);
const timeline = p.stationTimeline(prato);
console.log(JSON.stringify({
  find: [p.findStation('it-prato-fuzhou')?.id, p.findStation('nope'), p.findActor(42), p.findSource('__proto__')],
  guards: [p.isStationId('it-prato-fuzhou'), p.isStationId('it-prato-fuzho'), p.isActorId('it-prato-fuzhou'), p.isMeasure('persuaded-returns'), p.isMeasure(null)],
  guardsExist: ${JSON.stringify(collections.map((c) => `is${c.record}Id`))}.every((g) => typeof p[g] === 'function'),
  about: p.statementsAbout(prato).every((s) => s.about.stations.includes(prato.id)) && p.statementsAbout(prato).length === p.statementsAbout('it-prato-fuzhou').length,
  aboutActor: p.statementsAbout('it-interior-ministry').length, by: p.statementsBy(p.statements[0].speaker).every((s) => s.speaker === p.statements[0].speaker),
  cited: cited.length, excerpts: cited.filter((c) => c.citation.excerpt).length, paths: [...new Set(cited.map((c) => c.path.split('/')[1] ?? ''))].sort(),
  sources: p.sourcesOf(prato).length === new Set(cited.flatMap((c) => [c.source.id, c.via?.id].filter(Boolean))).size,
  preferred: p.preferredFigure('persuaded-returns')?.figure.value, reason: typeof p.preferredFigure('persuaded-returns')?.reason, versions: p.preferredFigure('persuaded-returns')?.versions.length,
  unresolved: p.preferredFigure('stations-in-europe') ?? null,
  timeline: timeline.map((e) => e.origin), sorted: timeline.every((e, i) => i === 0 || timeline[i - 1].date <= e.date),
  fromEvents: timeline.filter((e) => e.origin === 'event').every((e) => e.entry.stations.includes(prato.id)),
  historyAll: timeline.filter((e) => e.origin === 'history').length === prato.history.length,
  refs: p.referencesTo(prato).map((r) => r.collection + ':' + r.path.replace(/\\d+/g, 'n')).filter((v, i, a) => a.indexOf(v) === i).sort(),
  actorRefs: [...new Set(p.referencesTo(p.getActor('safeguard-defenders')).map((r) => r.collection))].sort(),
  claim: p.preferredClaim(prato.reported_by) === undefined || prato.reported_by.includes(p.preferredClaim(prato.reported_by)),
  throws: (() => { try { p.getStation('nope'); } catch (e) { return e.name + ': ' + e.message; } })(),
}));`);
    expect(out.stderr).toBe('');
    const r = JSON.parse(out.stdout);
    expect(r.find).toEqual(['it-prato-fuzhou', null, null, null]);
    expect(r.guards).toEqual([true, false, false, true, false]);
    expect(r.guardsExist).toBe(true);
    expect(r.about).toBe(true);
    expect(r.aboutActor).toBeGreaterThan(0);
    expect(r.by).toBe(true);
    expect(r.cited).toBeGreaterThan(10);
    expect(r.excerpts).toBeGreaterThan(0);
    expect(r.paths).toEqual(expect.arrayContaining(['', 'history', 'status', 'reported_by']));
    expect(r.sources).toBe(true);
    expect([r.preferred, r.reason, r.versions]).toEqual([230000, 'string', 3]);
    expect(r.unresolved).toBeNull();
    expect(r.timeline).toEqual(expect.arrayContaining(['history', 'event']));
    expect([r.sorted, r.fromEvents, r.historyAll, r.claim]).toEqual([true, true, true, true]);
    expect(r.refs).toEqual(['events:/stations/n', 'statements:/about/stations/n']);
    expect(r.actorRefs).toEqual(expect.arrayContaining(['figures', 'stations', 'statements']));
    expect(r.throws).toBe('RangeError: no record in stations has the id "nope"');
  });

  it('resolves every subpath export to a file', () => {
    const subpaths = exportTargets().map(([subpath]) => subpath.replace(/^\./, 'overseas-police-stations'));
    expect(subpaths).toEqual(expect.arrayContaining(['overseas-police-stations/stations', 'overseas-police-stations/csv-excel/stations.csv', 'overseas-police-stations/CITATION.cff']));
    const out = run('subpaths.mjs', `import { existsSync } from 'node:fs'; import { fileURLToPath } from 'node:url';
console.log(JSON.stringify(${JSON.stringify([...new Set(subpaths)])}.map((s) => [s, existsSync(fileURLToPath(import.meta.resolve(s)))])));`);
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

  it('type-checks the README example, which needs no cast and no non-null assertion', () => {
    const example = readmeExample();
    expect(example).not.toMatch(/\bas\s+(?!const\b)[A-Z{[(]|!\.|!\)|!;|<[A-Z]\w*>\s*\w/);
    const out = typecheck(example);
    expect(out.stdout + out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it('has record types equal to the Zod-inferred types apart from ids, and narrows every id and reference field', () => {
    const equal = collections.map((c) => `Equal<P.${typeName(c.record)}<P.StringIds>, z.infer<typeof S.${c.record}>>`);
    // Walk every reference field the schemas declare and check its type is the target's id union.
    const access = (root: string, path: string[]) => path.reduce((t, k) => (k === '*' ? `NonNullable<${t}>[number]` : `NonNullable<${t}>[${JSON.stringify(k)}]`), root);
    const narrowed = collections.flatMap((c) => [
      `Equal<P.${typeName(c.record)}['id'], P.${c.record}Id>`,
      ...referencePaths(markedSchema(c.schema)).map((r) => `Equal<NonNullable<${access(`P.${typeName(c.record)}`, r.path)}>, P.${collections.find((t) => t.name === r.target)!.record}Id>`),
    ]);
    expect(narrowed.length).toBeGreaterThan(40);
    const checks = [...equal, ...narrowed, 'Equal<P.Event, P.TimelineEvent>', 'Equal<P.Station<P.DatasetIds>, P.Station>'];
    const out = typecheck(`import type * as P from 'overseas-police-stations';
import type { z } from 'zod';
import type * as S from 'overseas-police-stations/schemas';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const checks: [
${checks.map((c) => `  ${c},`).join('\n')}
] = [${checks.map(() => 'true').join(', ')}];
export { checks };
`);
    expect(out.stdout + out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it('fails the type check when a reference is widened to string (the equality checks can fail)', () => {
    const out = typecheck(`import type * as P from 'overseas-police-stations';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const wide: Equal<P.Station<P.StringIds>['operator'][number]['value'], P.ActorId> = true;
export { wide };
`);
    expect(out.stdout).toMatch(/error TS2322: Type 'true' is not assignable to type 'false'/);
  });

  it('rejects a misspelt id, a reference into the wrong collection, and writes to the arrays at compile time', () => {
    const out = typecheck(`import { getStation, getActor, stations, statements } from 'overseas-police-stations';
getStation('it-prato-fuzho');
getStation(statements[0]!.speaker);
getActor(stations[0]!.id);
stations.push(stations[0]!);
`);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toMatch(/check\.ts\(2,12\): error TS2345: Argument of type '"it-prato-fuzho"' is not assignable/);
    expect(out.stdout).toMatch(/check\.ts\(3,12\): error TS2345/);
    expect(out.stdout).toMatch(/check\.ts\(4,10\): error TS2345/);
    expect(out.stdout).toMatch(/check\.ts\(5,10\): error TS2339: Property 'push' does not exist/);
  });
});

describe('package linters (offline)', () => {
  it('publint finds nothing', () => {
    const out = spawnSync(bin('publint'), [tarball, '--strict'], { encoding: 'utf8' });
    expect(out.stdout).toContain('All good!');
    expect(out.status).toBe(0);
  });

  it('attw finds no problem under any module resolution (node10, node16 from CJS and ESM, bundler)', () => {
    // The .bib, .geojson and .cff subpaths are plain text files that TypeScript cannot import; they are checked above.
    const out = spawnSync(bin('attw'), [tarball, '--exclude-entrypoints', './sources.bib', './stations.geojson', './CITATION.cff'], { encoding: 'utf8' });
    expect(out.stdout).toContain('No problems found');
    expect(out.status, out.stdout + out.stderr).toBe(0);
  });
});
