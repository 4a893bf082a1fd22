/**
 * The list of released ids as it was at the last release tag, read with git,
 * so that a change cannot unprotect released ids by editing
 * data/ids/released.json. A release tag is `v<major>.<minor>.<patch>`.
 * On a fresh clone the tags must be fetched (CI checks out with full history
 * and tags); without a tag the check falls back to the file, with a note.
 */
import { spawnSync } from 'node:child_process';
import { ReleasedIds } from '../../schemas/ids.js';

export interface TagList {
  tag?: string;
  released?: ReleasedIds;
  /** Why the released list could not be taken from a tag, when it could not. */
  note?: string;
}

const git = (root: string, args: string[]) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** The `v*.*.*` tags reachable from HEAD, highest first; undefined when `root` is not in a git checkout (or git is missing). */
export function releaseTags(root: string): string[] | undefined {
  const run = git(root, ['tag', '--merged', 'HEAD', '--list', 'v[0-9]*.[0-9]*.[0-9]*', '--sort=-v:refname']);
  if (run.error || run.status !== 0) return undefined;
  return run.stdout.split('\n').map((t) => t.trim()).filter((t) => /^v\d+\.\d+\.\d+$/.test(t));
}

function listAt(root: string, tag: string, file: string): ReleasedIds | string {
  const show = git(root, ['show', `${tag}:./${file}`]);
  if (show.status !== 0) return `${tag} has no ${file}`;
  try {
    const result = ReleasedIds.safeParse(JSON.parse(show.stdout));
    return result.success ? result.data : `${file} at ${tag} does not match its schema`;
  } catch {
    return `${file} at ${tag} is not valid JSON`;
  }
}

export function releasedAtLastTag(root: string, file: string): TagList {
  const all = releaseTags(root);
  if (all === undefined) return { note: `${root} is not a git checkout, so released ids are checked against ${file} as it stands.` };
  // The two highest tags: when HEAD is itself the release being made (its list is the file as it stands), the one before it.
  const tags = all.slice(0, 2);
  if (tags.length === 0) {
    return { note: `no release tag (v*.*.*) is reachable from HEAD, so released ids are checked against ${file} as it stands. On a shallow clone, fetch the tags first (git fetch --tags --unshallow).` };
  }
  const lists = tags.map((tag) => ({ tag, list: listAt(root, tag, file) }));
  const found = lists.filter((l): l is { tag: string; list: ReleasedIds } => typeof l.list !== 'string');
  if (found.length === 0) return { tag: tags[0], note: `${(lists[0]!.list as string)}, so released ids are checked against the file as it stands.` };
  const ids = Object.fromEntries(Object.keys(found[0]!.list.ids).map((c) => [c, [...new Set(found.flatMap((f) => f.list.ids[c as keyof ReleasedIds['ids']]))]])) as ReleasedIds['ids'];
  return { tag: found[0]!.tag, released: { version: found[0]!.list.version, ids } };
}
