/**
 * Reading what the site is built from: the release in dist/ (made by `npm run
 * build`) and the project's metadata and docs. Every problem is a SiteError
 * with a message and a tip, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../../schemas/index.js';
import type { Dataset } from '../build/dataset.js';
import { snapshotFiles } from './files.js';
import { isPackageEntryFile } from '../build/package-entry.js';

export class SiteError extends Error {
  constructor(
    message: string,
    readonly tip: string,
  ) {
    super(message);
  }
}

const REBUILD = 'Run `npm run site` (it builds the release first), or `npm run build` and then this command.';

/** Every release file below dist/ except the site itself and what only the npm package needs. */
export function readRelease(dist: string): Map<string, Buffer> {
  if (!existsSync(dist)) throw new SiteError(`No release found: ${dist} does not exist.`, REBUILD);
  try {
    return snapshotFiles(dist, (path) => !path.startsWith('site/') && !path.startsWith('site-screenshots/') && !/^site\.(tmp|old)-/.test(path) && !isPackageEntryFile(path) && !path.endsWith('.png'));
  } catch (error) {
    throw new SiteError(`Could not read the release in ${dist}: ${describeFsError(error)}.`, REBUILD);
  }
}

const parseJson = (bytes: Buffer, file: string): unknown => {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new SiteError(`The release file ${file} is not valid JSON (${(error as Error).message}); the release is incomplete or damaged.`, REBUILD);
  }
};

/** The records of every collection, and datapackage.json; refuses an incomplete release, naming every missing file. */
export function releaseData(release: Map<string, Buffer>, dist: string): { data: Dataset; datapackage: { resources?: Array<{ path?: string; description?: string }> } } {
  const needed = [...collections.map((c) => `data/${c.name}.json`), 'datapackage.json'];
  const missing = needed.filter((f) => !release.has(f));
  if (missing.length) throw new SiteError(`The release in ${dist} is incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`, REBUILD);
  const data = {} as Record<string, unknown>;
  for (const c of collections) {
    const records = parseJson(release.get(`data/${c.name}.json`)!, `data/${c.name}.json`);
    if (!Array.isArray(records)) throw new SiteError(`The release file data/${c.name}.json is not an array of records.`, REBUILD);
    data[c.name] = records;
  }
  const datapackage = parseJson(release.get('datapackage.json')!, 'datapackage.json') as { resources?: Array<{ path?: string; description?: string }> };
  return { data: data as unknown as Dataset, datapackage };
}

/** A project file as text; undefined when it does not exist and is optional. */
export function projectText(root: string, file: string, optional = false): string | undefined {
  const path = join(root, file);
  if (optional && !existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SiteError(`Could not read ${file}: ${describeFsError(error)}.`, 'Check that the file exists in the project and is readable.');
  }
}

/** A file-system error in words: what failed and why, without a stack. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a path component is not a folder',
    EISDIR: 'a folder stands where a file is expected',
    EMFILE: 'too many open files',
    EIO: 'an input/output error',
  };
  const reason = (e?.code && why[e.code]) ?? (e?.message ? e.message.split('\n')[0]! : String(error));
  return `${reason}${e?.path ? ` (${e.path})` : ''}`;
}
