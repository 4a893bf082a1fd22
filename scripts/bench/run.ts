/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--runs 3] [--no-write]`:
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

const args = parseArgs(process.argv.slice(2), { sizes: 'string', runs: 'string', 'no-write': 'boolean' });
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
    const child = spawnSync(process.execPath, ['--max-old-space-size=20000', join(here, 'measure.js'), dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
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
  const child = spawnSync(process.execPath, [join(here, '../build/main.js'), '--out', join(out, 'dist'), '--quiet'], { encoding: 'utf8' });
  real.push((performance.now() - start) / 1000);
  if (child.status !== 0) {
    console.error(`the real build failed:\n${child.stderr}`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });

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
const report = `Seconds, median of ${runs} run${runs === 1 ? '' : 's'} (each in a fresh process); sizes are records per collection (seven collections).\n\n${table}\n\nScaling of the full build: ${scaling}.\n\nReal dataset, full build including Node start-up (median of ${real.length}): **${fmt(median(real))} s**.\n\nMachine: ${cpu}, ${cpus().length} cores; Node ${process.version}.`;
console.log(report);

if (!args.values['no-write']) {
  writeFileSync(join(root, 'docs/BENCHMARKS.md'), `# Benchmarks\n\n<!-- Written by \`npm run bench\`. -->\n\nWhat \`npm run build\` costs as the data grows. Synthetic datasets come from a seeded generator (\`scripts/bench/generate.ts\`): schema-valid records of all seven collections with valid cross-references and Unicode text. Each stage is timed inside the real build code; "JSON floor" is \`JSON.parse\` plus \`JSON.stringify\` of the same files in the same process.\n\n${report}\n\n## Targets\n\n- 100,000 records per collection: full build ≤ 15 s, peak RSS ≤ 1.5 GiB.\n- From 10k to 100k, time grows at most 12×.\n- Real dataset: ≤ 1.5 s including Node start-up.\n- Build within 10× the JSON floor at 100k.\n`);
  console.error('wrote docs/BENCHMARKS.md');
}
