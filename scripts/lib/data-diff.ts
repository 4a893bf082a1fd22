/**
 * What changed in the data between a git ref and the working tree, record by
 * record and field by field, and the release it requires under the README's
 * versioning policy:
 * - major: a record (id) removed, a collection removed, a field that no record
 *   has any more, or a field whose JSON type changed;
 * - minor: a new record, collection or field;
 * - patch: a changed value of an existing field.
 * Changes to schemas/ are listed for review: whether a constraint was
 * tightened (major) or relaxed (minor) is not decided from the data.
 */
import { spawnSync } from 'node:child_process';
import { collections } from '../../schemas/index.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { scanText } from '../lint/json-text.js';
import { readDataFile } from '../lint/read-file.js';
import { join } from 'node:path';

export type Level = 'major' | 'minor' | 'patch' | 'none';
const RANK: Record<Level, number> = { none: 0, patch: 1, minor: 2, major: 3 };
export const higher = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);
export const atLeast = (a: Level, b: Level) => RANK[a] >= RANK[b];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rec = { [key: string]: Json };

export interface FieldChange {
  path: string;
  before?: Json;
  after?: Json;
}

export interface CollectionDiff {
  name: CollectionName;
  added: string[];
  removed: string[];
  changed: Array<{ id: string; fields: FieldChange[] }>;
  /** Changes to the collection's shape: fields that appeared, disappeared or changed type. */
  shape: Array<{ level: Level; text: string }>;
  level: Level;
}

export interface DataDiff {
  ref: string;
  collections: CollectionDiff[];
  schemaFilesChanged: string[];
  level: Level;
}

const git = (root: string, args: string[]) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

export class DiffError extends Error {}

/** The records of a collection at a git ref; undefined when the file does not exist there. */
function recordsAt(root: string, ref: string, file: string): Rec[] | undefined {
  const show = git(root, ['show', `${ref}:./${file}`]);
  if (show.status !== 0) return undefined;
  if (scanText(show.stdout).tooDeep) throw new DiffError(`${file} at ${ref} is nested too deeply to compare`);
  let value: unknown;
  try {
    value = JSON.parse(show.stdout.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DiffError(`${file} at ${ref} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new DiffError(`${file} at ${ref} is not an array of records`);
  return value.filter((r): r is Rec => !!r && typeof r === 'object' && !Array.isArray(r));
}

function recordsNow(root: string, file: string): Rec[] | undefined {
  const read = readDataFile(join(root, file), file);
  const blocking = read.problems.filter((p) => p.level === 'error' && p.check !== 'sorted');
  if (read.problems.some((p) => p.check === 'readable')) return undefined;
  if (!read.records || blocking.some((p) => p.scope === 'file' && ['json-syntax', 'depth', 'symlink', 'utf-8', 'array'].includes(p.check))) {
    throw new DiffError(`${file} cannot be read (${blocking.map((p) => p.message).join('; ')}); run npm run validate`);
  }
  return read.records.filter((r): r is Rec => !!r && typeof r === 'object' && !Array.isArray(r));
}

const typeOf = (v: Json | undefined) => (v === undefined ? 'absent' : v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Leaf-level differences between two values, with dotted paths (`history[2].date`). */
function diffValues(a: Json | undefined, b: Json | undefined, path: string, out: FieldChange[]): void {
  if (a === b) return;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta === 'object' && tb === 'object') {
    const ao = a as Rec;
    const bo = b as Rec;
    for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) diffValues(ao[key], bo[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (ta === 'array' && tb === 'array') {
    const aa = a as Json[];
    const ba = b as Json[];
    for (let i = 0; i < Math.max(aa.length, ba.length); i++) diffValues(aa[i], ba[i], `${path}[${i}]`, out);
    return;
  }
  if (ta !== tb || a !== b) out.push({ path, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
}

/** The JSON types each top-level field takes in a collection. */
function shapeOf(records: Rec[]): Map<string, Set<string>> {
  const shape = new Map<string, Set<string>>();
  for (const r of records) {
    for (const [key, value] of Object.entries(r)) {
      if (!shape.has(key)) shape.set(key, new Set());
      shape.get(key)!.add(typeOf(value));
    }
  }
  return shape;
}

export function diffData(root: string, ref: string): DataDiff {
  const verify = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (verify.error) throw new DiffError('git is not available');
  if (verify.status !== 0) throw new DiffError(`"${ref}" is not a commit, branch or tag in this repository`);
  const result: CollectionDiff[] = [];
  for (const info of collections) {
    const before = recordsAt(root, ref, info.file);
    const after = recordsNow(root, info.file);
    const d: CollectionDiff = { name: info.name, added: [], removed: [], changed: [], shape: [], level: 'none' };
    if (before === undefined && after === undefined) continue;
    if (before === undefined) d.shape.push({ level: 'minor', text: `new collection ${info.file}` });
    if (after === undefined) d.shape.push({ level: 'major', text: `${info.file} removed` });
    const old = new Map((before ?? []).map((r) => [String(r.id), r]));
    const now = new Map((after ?? []).map((r) => [String(r.id), r]));
    for (const [id, record] of now) {
      const was = old.get(id);
      if (!was) d.added.push(id);
      else {
        const fields: FieldChange[] = [];
        diffValues(was, record, '', fields);
        if (fields.length) d.changed.push({ id, fields });
      }
    }
    for (const id of old.keys()) if (!now.has(id)) d.removed.push(id);
    if (before && after) {
      const s0 = shapeOf(before);
      const s1 = shapeOf(after);
      for (const [key, types] of s0) {
        const nowTypes = s1.get(key);
        if (!nowTypes) d.shape.push({ level: 'major', text: `field "${key}" is in no record any more` });
        else {
          const lost = [...types].filter((t) => !nowTypes.has(t));
          if (lost.length && after.length) d.shape.push({ level: 'major', text: `field "${key}" changed type (${[...types].join('/')} → ${[...nowTypes].join('/')})` });
        }
      }
      for (const key of s1.keys()) if (!s0.has(key)) d.shape.push({ level: 'minor', text: `new field "${key}"` });
    }
    let level: Level = 'none';
    if (d.changed.length) level = higher(level, 'patch');
    if (d.added.length) level = higher(level, 'minor');
    if (d.removed.length) level = higher(level, 'major');
    for (const s of d.shape) level = higher(level, s.level);
    d.level = level;
    result.push(d);
  }
  d_sort(result);
  const schemaRun = git(root, ['diff', '--name-only', ref, '--', 'schemas/']);
  const schemaFilesChanged = schemaRun.status === 0 ? schemaRun.stdout.split('\n').filter(Boolean) : [];
  return { ref, collections: result, schemaFilesChanged, level: result.reduce<Level>((l, c) => higher(l, c.level), 'none') };
}

function d_sort(list: CollectionDiff[]) {
  for (const c of list) {
    c.added.sort();
    c.removed.sort();
    c.changed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** The level of a version bump from `from` to `to` (x.y.z), or undefined when `to` is not higher. */
export function bumpLevel(from: string, to: string): Level | undefined {
  const parse = (v: string) => {
    const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
    if (!m) throw new DiffError(`"${v}" is not a version x.y.z`);
    return m.slice(1).map(Number) as [number, number, number];
  };
  const [a, b] = [parse(from), parse(to)];
  if (b[0] !== a[0]) return b[0] > a[0] ? 'major' : undefined;
  if (b[1] !== a[1]) return b[1] > a[1] ? 'minor' : undefined;
  if (b[2] !== a[2]) return b[2] > a[2] ? 'patch' : undefined;
  return 'none';
}

/** package.json's version at a ref. */
export function versionAt(root: string, ref: string): string {
  const show = git(root, ['show', `${ref}:./package.json`]);
  if (show.status !== 0) throw new DiffError(`package.json is not in ${ref}`);
  return (JSON.parse(show.stdout) as { version: string }).version;
}
