/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--runs 3] [--no-write] [--downloads]`:
 * generates synthetic datasets of each size (records per collection) in a
 * temporary folder, builds each several times in a fresh process, and reports
 * the median wall time of each stage, peak RSS, and the JSON floor. Also times
 * the full build of the real dataset, Node start-up included. Writes the table
 * to docs/BENCHMARKS.md unless --no-write.
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, projectRoot } from '../lib/cli.js';
import { generateDataset, writeDataset } from './generate.js';
import { timeCommands } from './commands.js';

const args = parseArgs(process.argv.slice(2), { sizes: 'string', runs: 'string', 'no-write': 'boolean', downloads: 'boolean' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const sizes = String(args.values.sizes ?? '1000,10000,100000').split(',').map(Number);
const runs = Number(args.values.runs ?? 3);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('--sizes takes whole numbers separated by commas, --runs a whole number');
  process.exit(2);
}

const root = projectRoot();
const here = import.meta.dirname;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
interface Measure { stages: Record<string, number>; total: number; floor: number; maxRssMiB: number }

const results: Array<{ size: number; median: Measure }> = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `ops-bench-${size}-`));
  writeDataset(dir, generateDataset(size, 20261122));
  const measures: Measure[] = [];
  for (let r = 0; r < runs; r++) {
    const child = spawnSync(process.execPath, ['--max-old-space-size=20000', join(here, 'measure.js'), dir, ...(args.values.downloads ? ['--downloads'] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.error(`size ${size}: the measured build failed:\n${child.stderr}`);
      process.exit(1);
    }
    measures.push(JSON.parse(child.stdout));
  }
  rmSync(dir, { recursive: true, force: true });
  const stages = Object.fromEntries(Object.keys(measures[0]!.stages).map((k) => [k, median(measures.map((m) => m.stages[k] ?? 0))]));
  const m: Measure = { stages, total: median(measures.map((x) => x.total)), floor: median(measures.map((x) => x.floor)), maxRssMiB: Math.max(...measures.map((x) => x.maxRssMiB)) };
  results.push({ size, median: m });
  console.error(`size ${size}: build ${m.total.toFixed(2)} s, peak RSS ${m.maxRssMiB.toFixed(0)} MiB, floor ${m.floor.toFixed(2)} s`);
}

// The real dataset, as a user runs it: a fresh Node process, start-up included.
const real: number[] = [];
const out = mkdtempSync(join(tmpdir(), 'ops-bench-real-'));
for (let r = 0; r < Math.max(runs, 3); r++) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [join(here, '../build/main.js'), '--out', join(out, 'dist'), '--quiet', '--force'], { encoding: 'utf8' });
  real.push((performance.now() - start) / 1000);
  if (child.status !== 0) {
    console.error(`the real build failed:\n${child.stderr}`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });

// The contributor commands on the real data, with no code change (median of five; one with --runs 1).
const commandTimes = timeCommands(root, runs === 1 ? 1 : 5);

const fmt = (s: number) => (s < 0.01 ? s.toFixed(4) : s.toFixed(2));
const stageNames = Object.keys(results[0]!.median.stages);
const lines = [
  `| stage | ${results.map((r) => `${r.size.toLocaleString('en')} / collection`).join(' | ')} |`,
  `|---|${results.map(() => '---:').join('|')}|`,
  ...stageNames.map((s) => `| ${s} | ${results.map((r) => fmt(r.median.stages[s]!)).join(' | ')} |`),
  `| **full build** | ${results.map((r) => `**${fmt(r.median.total)}**`).join(' | ')} |`,
  `| JSON floor (parse + stringify) | ${results.map((r) => fmt(r.median.floor)).join(' | ')} |`,
  `| build ÷ floor | ${results.map((r) => (r.median.total / r.median.floor).toFixed(1) + '×').join(' | ')} |`,
  `| peak RSS (MiB) | ${results.map((r) => r.median.maxRssMiB.toFixed(0)).join(' | ')} |`,
];
const scaling = results.length > 1 ? results.slice(1).map((r, i) => `${results[i]!.size.toLocaleString('en')} → ${r.size.toLocaleString('en')}: ×${(r.median.total / results[i]!.median.total).toFixed(1)}`).join('; ') : 'n/a';
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const table = lines.join('\n');
const report = `Seconds, median of ${runs} run${runs === 1 ? '' : 's'} (each in a fresh process); sizes are records per collection (seven collections).\n\n${table}\n\nScaling of the full build: ${scaling}.\n\nReal dataset, full build including Node start-up (median of ${real.length}): **${fmt(median(real))} s**.\n\nContributor commands on the real dataset, wall time when no code changed (median of ${runs === 1 ? 1 : 5}, npm included): ${commandTimes.map((c) => `\`${c.command}\` **${fmt(c.seconds)} s**`).join(', ')}.\n\nMachine: ${cpu}, ${cpus().length} cores; Node ${process.version}.`;
console.log(report);

const largest = results[results.length - 1]!;
const tenK = results.find((r) => r.size === 10_000);
const hundredK = results.find((r) => r.size === 100_000);
const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
const targets = [
  '| target | measured | |',
  '|---|---|---|',
  hundredK ? `| 100k per collection: full build ≤ 15 s | ${fmt(hundredK.median.total)} s | ${mark(hundredK.median.total <= 15)} |` : '',
  hundredK ? `| 100k per collection: peak RSS ≤ 1.5 GiB | ${(hundredK.median.maxRssMiB / 1024).toFixed(1)} GiB | ${mark(hundredK.median.maxRssMiB <= 1536)} |` : '',
  hundredK && tenK ? `| 10k → 100k: time grows ≤ 12× | ×${(hundredK.median.total / tenK.median.total).toFixed(1)} | ${mark(hundredK.median.total / tenK.median.total <= 12)} |` : '',
  `| real dataset: ≤ 1.5 s with Node start-up | ${fmt(median(real))} s | ${mark(median(real) <= 1.5)} |`,
  ...commandTimes.map((c) => `| \`${c.command}\` ≤ ${c.target.toFixed(1)} s when no code changed | ${fmt(c.seconds)} s | ${mark(c.seconds <= c.target)} |`),
  `| build ≤ 10× the JSON floor at the largest size (${largest.size.toLocaleString('en')}) | ${(largest.median.total / largest.median.floor).toFixed(1)}× | ${mark(largest.median.total / largest.median.floor <= 10)} |`,
].filter(Boolean).join('\n');

if (!args.values['no-write']) {
  writeFileSync(join(root, 'docs/BENCHMARKS.md'), `# Benchmarks

<!-- Written by \`npm run bench\`. -->

What \`npm run build\` costs as the data grows. Synthetic datasets come from a seeded generator (\`scripts/bench/generate.ts\`): schema-valid records of all seven collections with valid cross-references and Unicode text, at the sizes of real records (0.3 to 3 KB each, as in \`data/\`). Each stage is timed inside the real build code; "JSON floor" is \`JSON.parse\` plus \`JSON.stringify\` of the same files in the same process.

${report}

## Targets

${targets}

## Why two targets are not met, and what would meet them

At 100,000 records per collection the input is 700,000 records, about 740 MB of JSON. On this 2-core machine, parsing and serialising that JSON once (the floor) already takes most of the 15 s budget, so a build that validates every record twice (Zod, then the generated JSON Schema with Ajv) and writes JSON, CSV and the package entry cannot fit in 15 s; it stays within 10× the floor and grows linearly (the cross-record checks use maps, not pairwise comparisons).

Peak memory is the larger problem: the build holds every collection in memory at once (the text, the parsed records, Zod's validated copies, and every output file until the atomic swap). Meeting 1.5 GiB at this size needs a streaming build that validates and writes one collection at a time and keeps only the id sets needed for cross-record checks. The curated dataset is about 400 KB, so this is not needed today; it is the first change to make if the dataset grows to tens of thousands of records.

The stages were measured before optimising, and these changes came from them: vocabularies as Zod enums instead of unions of literals (25× faster per value), an RFC 4180 writer of our own instead of csv-stringify, reference checks compiled once per schema and walked without building paths, the native UTF-8 check with the byte scan only on failure, and one JSON serialisation shared by \`dist/data\` and the package entry.
`);
  console.error('wrote docs/BENCHMARKS.md');
}
