/**
 * `npm run site`: builds the release, then writes dist/site/, a static site
 * (HTML, CSS, a little JavaScript, no external requests) with the map, the
 * tables, a page per station and per agreement, and the downloads.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collections } from '../../schemas/index.js';
import type { Dataset } from '../build/dataset.js';
import { writeAtomically } from '../build/write-atomically.js';
import { parseArgs, projectRoot } from '../lib/cli.js';
import { CSS, JS } from './assets.js';
import { layout } from './html.js';
import { buildPages, type Download } from './pages.js';
import { isPackageEntryFile } from '../build/package-entry.js';
import { snapshotFiles } from './files.js';
import { zip } from './zip.js';

const args = parseArgs(process.argv.slice(2), { dist: 'string' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const root = projectRoot();
const dist = resolve(String(args.values.dist ?? join(root, 'dist')));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

let release: Map<string, Buffer>;
try {
  release = snapshotFiles(dist, (path) => !path.startsWith('site/') && !isPackageEntryFile(path));
} catch {
  console.error(`No release found in ${dist}. Run \`npm run build\` first (npm run site does).`);
  process.exit(1);
}
const data = Object.fromEntries(collections.map((c) => [c.name, JSON.parse(release.get(`data/${c.name}.json`)!.toString('utf8'))])) as unknown as Dataset;

const files = new Map<string, Buffer>();
const archiveName = `downloads/overseas-police-stations-${version}.zip`;
for (const [path, bytes] of release) files.set(`downloads/${path}`, bytes);
files.set(archiveName, zip([...release].map(([path, bytes]) => [`overseas-police-stations-${version}/${path}`, bytes])));
const label = (path: string) => path.replace(/^downloads\//, '');
const downloads: Download[] = [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, label: path === archiveName ? `Everything (ZIP): ${label(path)}` : label(path) }));
downloads.sort((a, b) => (a.path === archiveName ? -1 : b.path === archiveName ? 1 : a.path.localeCompare(b.path)));

const title = 'Overseas Chinese police stations and Italy–China police cooperation: a sourced dataset';
const citation = {
  apa: `overseas-police-stations maintainers. (2026). ${title} (Version ${version}) [Data set]. https://www.npmjs.com/package/overseas-police-stations`,
  bibtex: `@misc{overseas_police_stations_${version.replace(/\./g, '_')},\n  author = {{overseas-police-stations maintainers}},\n  title = {${title}},\n  year = {2026},\n  version = {${version}},\n  howpublished = {\\url{https://www.npmjs.com/package/overseas-police-stations}},\n  note = {Data set}\n}`,
};
for (const page of buildPages(data, version, downloads, citation)) files.set(page.path, Buffer.from(layout(page, version)));
files.set('assets/site.css', Buffer.from(CSS));
files.set('assets/site.js', Buffer.from(JS));

writeAtomically(join(dist, 'site'), files);
console.log(`Built ${join(dist, 'site')}: ${[...files.keys()].filter((p) => p.endsWith('.html')).length} pages, ${files.size} files`);
