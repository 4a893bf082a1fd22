/**
 * What the workbook's cover sheet, the database and Datasette's metadata say
 * about the release: title, version, release date, licence and how to cite
 * it, read from package.json and CITATION.cff (the single sources of each).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ReleaseInfo {
  name: string;
  title: string;
  description: string;
  version: string;
  /** YYYY-MM-DD, from CITATION.cff `date-released`; fixes every timestamp the downloads carry. */
  released: string;
  authors: string[];
  licence: { id: string; title: string; url: string };
  homepage?: string;
  repository?: string;
  /** A ready-to-paste reference to the dataset (APA-like). */
  citation: string;
}

export function releaseInfo(projectRoot: string): ReleaseInfo {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    name: string; version: string; description: string; homepage?: string; repository?: string | { url?: string };
  };
  const cff = parse(readFileSync(join(projectRoot, 'CITATION.cff'), 'utf8')) as {
    title: string; version?: string; 'date-released'?: string; authors?: Array<{ name?: string; 'family-names'?: string; 'given-names'?: string }>;
  };
  const released = String(cff['date-released'] ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(released)) throw new Error(`CITATION.cff: date-released must be YYYY-MM-DD, found ${JSON.stringify(released)}`);
  const authors = (cff.authors ?? []).map((a) => a.name ?? [a['given-names'], a['family-names']].filter(Boolean).join(' ')).filter(Boolean);
  const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const repository = repositoryUrl?.replace(/^git\+/, '').replace(/\.git$/, '');
  const where = pkg.homepage ?? repository;
  return {
    name: pkg.name,
    title: cff.title,
    description: pkg.description,
    version: pkg.version,
    released,
    authors,
    licence: { id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International (data); MIT (code)', url: 'https://creativecommons.org/licenses/by/4.0/' },
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    ...(repository ? { repository } : {}),
    citation: `${authors.join(', ') || pkg.name} (${released.slice(0, 4)}). ${cff.title} (Version ${pkg.version}) [Data set].${where ? ` ${where}` : ''}`,
  };
}
