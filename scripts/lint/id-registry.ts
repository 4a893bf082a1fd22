/**
 * Stable ids: a released id must still exist or be retired; a retired id must
 * never be reused; a retired id points to a live record, never to another
 * retired one (no chains).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../../schemas/index.js';
import { ReleasedIds, RetiredIds, type RetiredId } from '../../schemas/ids.js';
import type { CollectionName } from '../../schemas/primitives.js';
import { pointer, type Problem } from './problems.js';
import { readDataFile } from './read-file.js';
import { releasedAtLastTag } from './released-at-tag.js';

export const RELEASED_FILE = 'data/ids/released.json';
export const RETIRED_FILE = 'data/ids/retired.json';

/** Reads a registry file that may be absent; returns its parsed value, or undefined with problems reported. */
function readOptional(root: string, file: string, problems: Problem[]): unknown {
  if (!existsSync(join(root, file))) return undefined;
  const read = readDataFile(join(root, file), file, { array: false });
  problems.push(...read.problems);
  return read.value;
}

/**
 * `notes` receives what the reader should know and is not a problem (no release tag to compare with).
 * `options.git: false` skips the comparison with the last release tag.
 */
export function checkIdRegistry(root: string, liveIds: Map<CollectionName, Set<string>>, notes: string[] = [], options: { git?: boolean } = {}): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, id: string | undefined, path: Array<string | number>, check: string, message: string, tip: string): Problem =>
    ({ level: 'error', scope: 'dataset', check, file, id, path: pointer(path), message, tip });

  const retiredRaw = readOptional(root, RETIRED_FILE, problems);
  let retired: RetiredId[] = [];
  if (retiredRaw !== undefined) {
    const parsed = RetiredIds.safeParse(retiredRaw);
    if (parsed.success) retired = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(error(RETIRED_FILE, undefined, issue.path.filter((s): s is string | number => typeof s !== 'symbol'), 'schema', issue.message, 'Each entry needs collection, id, retired_in and reason; replaced_by is optional.'));
  }
  const retiredKeys = new Set(retired.map((r) => `${r.collection}/${r.id}`));
  retired.forEach((r, i) => {
    if (liveIds.get(r.collection)?.has(r.id)) {
      problems.push(error(RETIRED_FILE, r.id, [i, 'id'], 'id-reused', `the retired id "${r.id}" is used again in data/${r.collection}.json`, 'A retired id is never reused: give the new record a new id.'));
    }
    if (r.replaced_by !== undefined) {
      if (retiredKeys.has(`${r.collection}/${r.replaced_by}`)) {
        problems.push(error(RETIRED_FILE, r.id, [i, 'replaced_by'], 'id-redirect', `"${r.id}" redirects to "${r.replaced_by}", which is itself retired`, 'Point every retired id straight at the live record: redirects are never chained.'));
      } else if (!liveIds.get(r.collection)?.has(r.replaced_by)) {
        problems.push(error(RETIRED_FILE, r.id, [i, 'replaced_by'], 'id-redirect', `"${r.id}" redirects to "${r.replaced_by}", which is not an id in data/${r.collection}.json`, 'Point it at the live record that took its place, or remove replaced_by.'));
      }
    }
  });

  const releasedRaw = readOptional(root, RELEASED_FILE, problems);
  let current: ReleasedIds | undefined;
  if (releasedRaw !== undefined) {
    const parsed = ReleasedIds.safeParse(releasedRaw);
    if (parsed.success) current = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(error(RELEASED_FILE, undefined, issue.path.filter((s): s is string | number => typeof s !== 'symbol'), 'schema', issue.message, 'The file is written by `npm run release:ids`; regenerate it rather than editing it.'));
  }
  // What was actually released: the list at the last release tag, which this change cannot edit.
  const atTag = options.git === false ? {} : releasedAtLastTag(root, RELEASED_FILE);
  if (atTag.note) notes.push(atTag.note);
  if (atTag.released) {
    const inFile = new Map(collections.map((c) => [c.name, new Set(current?.ids[c.name] ?? [])]));
    for (const c of collections) {
      for (const id of atTag.released.ids[c.name]) {
        if (!inFile.get(c.name)!.has(id)) {
          problems.push(error(RELEASED_FILE, id, ['ids', c.name], 'released-edited', `the id "${id}" was released in ${atTag.tag} but is no longer listed in ${RELEASED_FILE}`, `The list of released ids only grows: put the id back (npm run release:ids rebuilds the file), and retire it in ${RETIRED_FILE} if it must go.`));
        }
      }
    }
  }
  const releases = [current, atTag.released].filter((r): r is ReleasedIds => r !== undefined);
  const reported = new Set<string>();
  for (const release of releases) {
    for (const c of collections.filter((x) => liveIds.has(x.name))) {
      release.ids[c.name].forEach((id, i) => {
        const key = `${c.name}/${id}`;
        if (!liveIds.get(c.name)?.has(id) && !retiredKeys.has(key) && !reported.has(key)) {
          reported.add(key);
          const where = release === current ? `${RELEASED_FILE} ${pointer(['ids', c.name, i])}` : `${RELEASED_FILE} at ${atTag.tag}`;
          problems.push(error(c.file, id, [], 'id-removed', `the id "${id}" was released in ${release === current ? release.version : atTag.tag} and is no longer in ${c.file}`, `Released ids never disappear: restore the record, or retire the id in ${RETIRED_FILE} (with replaced_by if it was renamed). ${where}.`));
        }
      });
    }
  }
  return problems;
}
