/**
 * The build, collection by collection: the linter reads and checks one
 * collection (scripts/lint/stream.ts) and hands on Zod's copies a piece at a
 * time, every output (outputs.ts) writes its part of the release into the
 * temporary tree, and each piece is dropped before the next is read. What is kept across collections is small: ids,
 * the names of sources and actors, the digests of the files written.
 *
 * Nothing here touches dist/: the caller gives the temporary tree and
 * installs it only when neither the data nor the bundle has an error.
 */
import { collections } from '../../schemas/index.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { excerptCoverage, verificationRows, type DatasetRecords, type VerificationRow } from '../lib/dataset-numbers.js';
import { lintByCollection, type CollectionPass, type StreamLintResult } from '../lint/stream.js';
import { countLevels } from '../lint/problems.js';
import type { Dataset } from './dataset.js';
import { OTHER_RESOURCES, type PackageMeta } from './datapackage.js';
import { generateSchemas } from './json-schema.js';
import { TreeWriter, type BuildContext, type Names, type Output } from './output.js';
import { dataPackageJson, releaseOutputs } from './outputs.js';

export interface ReleaseOptions {
  /** The project whose data/ is built. */
  root: string;
  meta: PackageMeta;
  compiledSchemasDir: string;
  /** Default: every release output. */
  outputs?: Output[];
  /** Keep every collection's validated records and return them (for outputs that need the whole dataset at once). */
  keepData?: boolean;
  /**
   * With keepData: every collection is checked before any output is fed, and
   * this is called in between with the validated records when they have no
   * error (main.ts hands them to the workbook and database workers, which then
   * build while this thread writes the rest). The outputs get the same pieces
   * either way.
   */
  whenValid?: (data: Dataset) => void;
  /** How many records each piece holds (default RECORDS_PER_PASS; the tests make it small to exercise the joins). */
  recordsPerPass?: number;
}

export interface ReleaseResult {
  lint: StreamLintResult;
  /** Whether the data has errors (then no output was finished and the tree is incomplete). */
  refused: boolean;
  /** What the bundle failed (each line names the file); empty when it passed every check. */
  bundleProblems: string[];
  /** How many files the tree holds (see `add`). */
  readonly files: number;
  /** Rows per CSV table. */
  rows: Map<string, number>;
  /** Seconds per stage (the linter's and each output's). */
  timings: Record<string, number>;
  /** The excerpt coverage of supporting citations, for the build's summary. */
  coverage: ReturnType<typeof excerptCoverage>;
  /** With keepData: the validated records. */
  data?: Dataset;
  /**
   * Adds files built outside the outputs (the workbook and the database, built
   * in workers from the kept records) and writes datapackage.json again so
   * that it describes them.
   */
  add(files: ReadonlyMap<string, Buffer>): void;
}

/** The files datapackage.json describes, and so the only ones that need a hash. */
const hashed = (path: string) => path.startsWith('csv/') || OTHER_RESOURCES.some((r) => r.path === path);

export function buildRelease(dir: string, options: ReleaseOptions): ReleaseResult {
  const outputs = options.outputs ?? releaseOutputs();
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + (performance.now() - start) / 1000;
    }
  };
  const tree = new TreeWriter(dir, hashed);
  const bundleProblems: string[] = [];
  const names: Names = { sources: [], actors: [] };
  const ids = new Map<CollectionName, string[]>();
  const ctx: BuildContext = {
    meta: options.meta,
    schemas: time('json-schema', () => generateSchemas(options.meta.version)),
    compiledSchemasDir: options.compiledSchemasDir,
    write: (path, bytes) => tree.write(path, bytes),
    open: (path) => tree.open(path),
    read: (path) => tree.read(path),
    readChunks: (path, buffer, length, each) => tree.readChunks(path, buffer, length, each),
    written: tree.written,
    problem: (message) => bundleProblems.push(message),
    rows: new Map(),
    names,
    ids,
  };
  // The outputs start with the first piece they are fed (after the data has been checked, with whenValid).
  let started = false;

  const verification: VerificationRow[] = [];
  const data = options.keepData || options.whenValid ? ({} as Record<CollectionName, unknown[]>) : undefined;
  const empty = Object.fromEntries(collections.map((c) => [c.name, []])) as unknown as DatasetRecords;
  let building = true;
  const feed = ({ info, valid, offset, first, last }: CollectionPass) => {
    const name = info.name;
    if (!started) for (const o of outputs) if (o.start) time(o.stage, () => o.start!(ctx));
    started = true;
    const records = valid as Array<Record<string, unknown>>;
    if (first) ids.set(name, []);
    const own = ids.get(name)!;
    for (const r of records) own.push(r.id as string);
    if (name === 'sources') for (const s of records) names.sources.push({ id: s.id as string, url: s.url as string, ...(s.title !== undefined ? { title: s.title as string } : {}), ...(s.description !== undefined ? { description: s.description as string } : {}) });
    if (name === 'actors') for (const a of records) names.actors.push({ id: a.id as string, name: a.name as string, role: a.role as string });
    verification.push(...verificationRows({ ...empty, [name]: valid }).filter((r) => r.collection === name));
    if (first) for (const o of outputs) if (o.begin) time(o.stage, () => o.begin!(name, ctx));
    for (const o of outputs) if (o.piece) time(o.stage, () => o.piece!(name, valid as Dataset[CollectionName], offset, ctx));
    if (last) for (const o of outputs) if (o.end) time(o.stage, () => o.end!(name, ctx));
  };
  /** With whenValid: the pieces, fed to the outputs once every collection has been checked. */
  const later: CollectionPass[] | undefined = options.whenValid ? [] : undefined;
  const lint = lintByCollection(options.root, (pass) => {
    const name = pass.info.name;
    if (data) {
      if (pass.first) data[name] = [];
      for (const r of pass.valid) data[name].push(r);
    }
    // Invalid data is reported, not built: from the first error on, no output is fed.
    if (pass.failed) building = false;
    if (!building) return;
    if (later) later.push(pass);
    else feed(pass);
  }, undefined, options.recordsPerPass);
  if (later && building) {
    options.whenValid!(data as unknown as Dataset);
    for (const pass of later) feed(pass);
  }
  timings['read and parse'] = lint.timings.read;
  timings['Zod validation'] = lint.timings.records;
  timings['cross-record checks'] = lint.timings.dataset;

  const refused = countLevels(lint.problems).errors > 0;
  // The finishing outputs describe or gather the whole tree: they run only on a tree that passed so far.
  if (!refused && !bundleProblems.length) for (const o of outputs) if (o.finish) time(o.stage, () => o.finish!(ctx));
  return {
    lint,
    refused,
    bundleProblems,
    get files() {
      return tree.written.size;
    },
    rows: ctx.rows,
    timings,
    coverage: excerptCoverage(verification),
    ...(data ? { data: data as unknown as Dataset } : {}),
    add(files) {
      for (const [path, bytes] of files) tree.write(path, bytes);
      tree.write('datapackage.json', dataPackageJson(ctx), true);
    },
  };
}
