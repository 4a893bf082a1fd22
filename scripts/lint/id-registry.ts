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

export const RELEASED_FILE = 'data/ids/released.json';
export const RETIRED_FILE = 'data/ids/retired.json';

/** Reads a registry file that may be absent; returns its parsed value, or undefined with problems reported. */
function readOptional(root: string, file: string, problems: Problem[]): unknown {
  if (!existsSync(join(root, file))) return undefined;
  const read = readDataFile(join(root, file), file, { array: false });
  problems.push(...read.problems);
  return read.value;
}

export function checkIdRegistry(root: string, liveIds: Map<CollectionName, Set<string>>): Problem[] {
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
  if (releasedRaw !== undefined) {
    const parsed = ReleasedIds.safeParse(releasedRaw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(error(RELEASED_FILE, undefined, issue.path.filter((s): s is string | number => typeof s !== 'symbol'), 'schema', issue.message, 'The file is written by `npm run release:ids`; regenerate it rather than editing it.'));
    } else {
      for (const c of collections.filter((x) => liveIds.has(x.name))) {
        parsed.data.ids[c.name].forEach((id, i) => {
          if (!liveIds.get(c.name)?.has(id) && !retiredKeys.has(`${c.name}/${id}`)) {
            problems.push(error(c.file, id, [], 'id-removed', `the id "${id}" was released in ${parsed.data.version} and is no longer in ${c.file}`, `Released ids never disappear: restore the record, or retire the id in ${RETIRED_FILE} (with replaced_by if it was renamed). ${RELEASED_FILE} ${pointer(['ids', c.name, i])}.`));
          }
        });
      }
    }
  }
  return problems;
}
