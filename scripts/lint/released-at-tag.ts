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

/** The highest `v*.*.*` tag reachable from HEAD. */
export function lastReleaseTag(root: string): string | undefined {
  const run = git(root, ['tag', '--merged', 'HEAD', '--list', 'v[0-9]*.[0-9]*.[0-9]*', '--sort=-v:refname']);
  if (run.status !== 0) return undefined;
  return run.stdout.split('\n').map((t) => t.trim()).find((t) => /^v\d+\.\d+\.\d+$/.test(t));
}

export function releasedAtLastTag(root: string, file: string): TagList {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.error || inside.status !== 0) return { note: `${root} is not a git checkout, so released ids are checked against ${file} as it stands.` };
  const tag = lastReleaseTag(root);
  if (!tag) {
    return { note: `no release tag (v*.*.*) is reachable from HEAD, so released ids are checked against ${file} as it stands. On a shallow clone, fetch the tags first (git fetch --tags --unshallow).` };
  }
  const show = git(root, ['show', `${tag}:./${file}`]);
  if (show.status !== 0) return { tag, note: `${tag} has no ${file}, so released ids are checked against the file as it stands.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(show.stdout);
  } catch {
    return { tag, note: `${file} at ${tag} is not valid JSON; released ids are checked against the file as it stands.` };
  }
  const result = ReleasedIds.safeParse(parsed);
  return result.success ? { tag, released: result.data } : { tag, note: `${file} at ${tag} does not match its schema; released ids are checked against the file as it stands.` };
}
