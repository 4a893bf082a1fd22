/**
 * The release artifacts, each an Output (output.ts) that is fed one collection
 * at a time, a piece of validated records at a time (begin, piece…, end), with
 * the checks that the bundle must pass made on what it writes:
 * the JSON Schema against the records, each CSV's header and row count read
 * back from the text written, the GeoJSON coordinates.
 */
import type { ValidateFunction } from 'ajv';
import { collections } from '../../schemas/index.js';
import type { Source, Station } from '../../schemas/index.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { bibtex, cslJson } from './citation-formats.js';
import { countCsvRecords, csvHeader, writeCsv } from './csv.js';
import type { Dataset } from './dataset.js';
import { dataPackage } from './datapackage.js';
import { stationsGeoJson } from './geojson.js';
import { compileSchemas } from './ajv-cache.js';
import type { BuildContext, FileSink, Output } from './output.js';
import { collectionModuleParts, packageEntryFiles, schemaEntryFiles } from './package-entry.js';
import { releaseDocuments } from './release-docs.js';
import { formatTableProblem, tableProblems } from './table-checks.js';
import { ListCellError } from './table-fields.js';
import { tables, type Table } from './tables.js';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Only this collection's records; the others empty. */
function only(name: CollectionName, records: unknown[]): Dataset {
  const data = Object.fromEntries(collections.map((c) => [c.name, []])) as unknown as Dataset;
  (data as unknown as Record<string, unknown[]>)[name] = records;
  return data;
}

/** The JSON Schema files; each collection is validated against its schema with Ajv, a second contract beside Zod's. */
function jsonSchemaOutput(): Output {
  const validators = new Map<string, ValidateFunction>();
  const rejected = new Set<string>();
  return {
    stage: 'json-schema',
    start(ctx) {
      // Compiled once per set of schemas and kept as Ajv standalone code (ajv-cache.ts).
      const compiled = compileSchemas(ctx.schemas);
      for (const [name, schema] of ctx.schemas) {
        ctx.write(`schema/${name}.schema.json`, json(schema));
        const validate = compiled.validators.get(name);
        if (!validate) {
          ctx.problem(`schema/${name}.schema.json does not compile under Ajv 2020 strict mode: ${compiled.failures.get(name)}`);
          continue;
        }
        if (validate([{}])) ctx.problem(`schema/${name}.schema.json accepts an empty record {}; it constrains nothing`);
        validators.set(name, validate);
      }
    },
    piece(name, records, offset, ctx) {
      const validate = validators.get(name);
      if (!validate || rejected.has(name) || validate(records)) return;
      rejected.add(name); // said once per collection, as for the whole array
      // The paths count from the piece's first record: said from the file's.
      const at = (path: string) => path.replace(/^\/(\d+)/, (_, i: string) => `/${offset + Number(i)}`);
      const first = validate.errors?.slice(0, 3).map((e) => `${at(e.instancePath)} ${e.message}`).join('; ');
      ctx.problem(`schema/${name}.schema.json rejects records that Zod accepted (${first}); the two contracts disagree`);
    },
  };
}

/** dist/data/<collection>.json: the records as one line of JSON, written a piece at a time (the same bytes as one JSON.stringify). */
function jsonOutput(): Output {
  let sink: FileSink | undefined;
  let any = false;
  return {
    stage: 'json',
    begin(name, ctx) {
      sink = ctx.open(`data/${name}.json`);
      sink.write('[');
      any = false;
    },
    piece(_name, records) {
      if (!records.length) return;
      // One call for the piece: the array's text without its brackets is its records joined by commas.
      const text = JSON.stringify(records);
      if (any) sink!.write(',');
      sink!.write(text.slice(1, -1));
      any = true;
    },
    end() {
      sink!.write(']\n');
      sink!.close();
      sink = undefined;
    },
  };
}

interface TableSinks {
  table: Table;
  plain: FileSink;
  excel: FileSink;
  /** Records read back from the text written (the header included). */
  read: number;
  written: number;
  /** A list cell could not be written: the table stops there (the build is refused). */
  broken: boolean;
}

/**
 * Every CSV table, and its copy with a BOM for Excel, written a piece of
 * records at a time (a table's rows come from each record on its own), each
 * piece as csv-stringify makes it, its records counted as written. Sources and
 * actors are written whole at their end: their own tables print the names of
 * their own collection (the citations of actors look up both).
 */
function csvOutput(): Output {
  let open: TableSinks[] = [];
  let held: unknown[] = [];
  let refused = false;
  const wholeAtEnd = (name: CollectionName) => name === 'sources' || name === 'actors';
  const writeRows = (name: CollectionName, records: unknown[], offset: number, ctx: BuildContext) => {
    const own = only(name, records);
    const problems = tableProblems(own, offset);
    for (const p of problems) ctx.problem(formatTableProblem(p));
    if (problems.length) refused = true;
    if (refused) return;
    // What the rows of this collection's tables read: its records, and the names of sources and actors.
    const data = { ...own, ...(name === 'sources' ? {} : { sources: ctx.names.sources }), ...(name === 'actors' ? {} : { actors: ctx.names.actors }) } as unknown as Dataset;
    for (const s of open) {
      if (s.broken) continue;
      try {
        const rows = s.table.rows(data);
        writeCsv(s.table, rows, (text) => write(s, text), false);
        s.written += rows.length;
      } catch (error) {
        if (!(error instanceof ListCellError)) throw error;
        ctx.problem(`csv/${s.table.name}.csv: ${error.message}`);
        s.broken = true;
      }
    }
  };
  const write = (s: TableSinks, text: string) => {
    s.read += countCsvRecords(text);
    const bytes = Buffer.from(text);
    s.plain.write(bytes);
    s.excel.write(bytes);
  };
  return {
    stage: 'csv',
    begin(name, ctx) {
      refused = false;
      held = [];
      open = tables.filter((t) => t.collection === name).map((table) => {
        const s: TableSinks = { table, plain: ctx.open(`csv/${table.name}.csv`), excel: ctx.open(`csv-excel/${table.name}.csv`), read: 0, written: 0, broken: false };
        s.excel.write(BOM);
        const header = csvHeader(table);
        if (header !== table.fields.map((f) => f.name).join(',') + '\r\n') ctx.problem(`csv/${table.name}.csv: the header does not match the declared fields`);
        write(s, header);
        return s;
      });
    },
    piece(name, records, offset, ctx) {
      if (wholeAtEnd(name)) for (const r of records) held.push(r);
      else writeRows(name, records, offset, ctx);
    },
    end(name, ctx) {
      if (wholeAtEnd(name)) writeRows(name, held, 0, ctx);
      held = [];
      for (const s of open) {
        s.plain.close();
        s.excel.close();
        if (s.broken || refused) continue;
        if (s.read - 1 !== s.written) ctx.problem(`csv/${s.table.name}.csv: ${s.read - 1} rows read back, ${s.written} written`);
        ctx.rows.set(s.table.name, s.written);
      }
      open = [];
    },
  };
}

/** `JSON.stringify(value, null, 2)` of a value that sits `depth` levels deep in a document indented so. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

/** stations.geojson, a feature at a time: the same bytes as the whole FeatureCollection indented by two spaces. */
function geoJsonOutput(): Output {
  let sink: FileSink | undefined;
  let any = false;
  return {
    stage: 'geojson',
    begin(name, ctx) {
      if (name !== 'stations') return;
      sink = ctx.open('stations.geojson');
      sink.write('{\n  "type": "FeatureCollection",\n  "features": [');
      any = false;
    },
    piece(name, records, _offset, ctx) {
      if (name !== 'stations') return;
      const parts: string[] = [];
      for (const f of stationsGeoJson(records as Station[]).features) {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) ctx.problem(`stations.geojson: coordinates out of range ${lon},${lat}`);
        parts.push(`${any || parts.length ? ',' : ''}\n    ${indented(f, 2)}`);
      }
      if (parts.length) any = true;
      sink!.write(parts.join(''));
    },
    end(name) {
      if (name !== 'stations') return;
      sink!.write(any ? '\n  ]\n}\n' : ']\n}\n');
      sink!.close();
      sink = undefined;
    },
  };
}

/** sources.csl.json and sources.bib, from the sources (held until their last piece). */
function citationsOutput(): Output {
  let sources: Source[] = [];
  return {
    stage: 'citations',
    piece(name, records) {
      if (name === 'sources') for (const r of records as Source[]) sources.push(r);
    },
    end(name, ctx) {
      if (name !== 'sources') return;
      ctx.write('sources.csl.json', json(cslJson(sources)));
      ctx.write('sources.bib', bibtex(sources));
      sources = [];
    },
  };
}

/** How many bytes of dist/data/<name>.json are copied at a time into entries/<name>.js. */
const COPY_CHUNK = 1 << 20;

/**
 * The npm entry (package-entry.ts): `entries/<name>.js` per collection, its
 * data the bytes of dist/data/<name>.json copied from the tree as it was
 * written (one serialisation serves both); after the last collection the
 * declarations, which need only every collection's ids and the figures'
 * measures, and the compiled schemas.
 */
function packageEntryOutput(): Output {
  const measures: string[] = [];
  return {
    stage: 'package-entry',
    piece(name, records) {
      if (name === 'figures') for (const f of records as Dataset['figures']) measures.push(f.measure);
    },
    end(name, ctx) {
      const { before, after } = collectionModuleParts(name);
      const sink = ctx.open(`entries/${name}.js`);
      sink.write(before);
      const data = `data/${name}.json`;
      const length = ctx.written.get(data)!.bytes - 1; // without its final line end
      const chunk = Buffer.allocUnsafe(Math.min(COPY_CHUNK, Math.max(1, length)));
      ctx.readChunks(data, chunk, length, (piece) => sink.write(piece));
      sink.write(after);
      sink.close();
    },
    finish(ctx) {
      const ids = Object.fromEntries(collections.map((c) => [c.name, ctx.ids.get(c.name) ?? []])) as Record<CollectionName, readonly string[]>;
      for (const [path, bytes] of packageEntryFiles({ ids, measures })) ctx.write(path, bytes);
      for (const [path, bytes] of schemaEntryFiles(ctx.compiledSchemasDir)) ctx.write(path, bytes);
    },
  };
}

function documentsOutput(): Output {
  return {
    stage: 'documents',
    finish(ctx) {
      for (const [path, bytes] of releaseDocuments()) ctx.write(path, bytes);
    },
  };
}

/** datapackage.json, describing every file written so far. */
export const dataPackageJson = (ctx: BuildContext) => json(dataPackage(ctx.meta, tables, ctx.written));

/** Last: it describes every other file of the bundle. */
function dataPackageOutput(): Output {
  return {
    stage: 'datapackage',
    finish(ctx) {
      ctx.write('datapackage.json', dataPackageJson(ctx));
    },
  };
}

/** Every output of the release, in the order they run; new artifacts go before datapackage.json. */
export function releaseOutputs(): Output[] {
  return [jsonSchemaOutput(), jsonOutput(), csvOutput(), geoJsonOutput(), citationsOutput(), packageEntryOutput(), documentsOutput(), dataPackageOutput()];
}
