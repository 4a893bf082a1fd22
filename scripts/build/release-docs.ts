/**
 * The documents that travel with every copy of the release (dist/, the site's
 * zip, the downloads page): README, licence, citation file, changelog and
 * docs/*.md, copied as committed so that the README's relative links
 * (`docs/METHODOLOGY.md`, `LICENSE`, …) resolve inside the bundle too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/cli.js';

export const RELEASE_DOCUMENTS = ['README.md', 'LICENSE', 'CITATION.cff', 'CHANGELOG.md'] as const;
/** docs/*.md that must be in every bundle; the others in docs/ come along when present. */
export const REQUIRED_DOCS = ['docs/METHODOLOGY.md', 'docs/data-dictionary.md'] as const;

export function releaseDocuments(root = projectRoot()): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of RELEASE_DOCUMENTS) files.set(name, readFileSync(join(root, name)));
  const docs = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).sort() : [];
  for (const name of docs) files.set(`docs/${name}`, readFileSync(join(root, 'docs', name)));
  for (const path of REQUIRED_DOCS) if (!files.has(path)) throw new Error(`${path} is missing from the project; every release carries it`);
  return files;
}
