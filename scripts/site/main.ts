/**
 * `npm run site`: builds the release, then writes dist/site/, a static site
 * (HTML, CSS, a little JavaScript, no external requests) with the maps, the
 * tables, a page per station, agreement and statement, the method and the
 * downloads. Problems are reported in a sentence with a tip, never a stack.
 */
import { join, resolve } from 'node:path';
import { writeAtomically } from '../build/write-atomically.js';
import { parseArgs, projectRoot } from '../lib/cli.js';
import { CSS, JS } from './assets.js';
import { datasetCitation } from './cite.js';
import { layout } from './html.js';
import { buildPages } from './pages.js';
import { describeFsError, projectText, readRelease, releaseData, SiteError } from './release.js';
import { zip } from './zip.js';

function repositoryDocs(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: string } | undefined)?.url;
  const m = url?.match(/github\.com[/:]([^/]+\/[^/.]+)/);
  return m ? `https://github.com/${m[1]}/blob/main/docs/` : undefined;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2), { dist: 'string' });
  if (!args.ok) {
    console.error(`npm run site: ${args.error}`);
    return 2;
  }
  const root = projectRoot();
  const dist = resolve(String(args.values.dist ?? join(root, 'dist')));
  const pkg = JSON.parse(projectText(root, 'package.json')!) as { version: string; homepage?: string; repository?: unknown };
  const citation = datasetCitation(projectText(root, 'CITATION.cff')!, pkg);

  const release = readRelease(dist);
  const { data, datapackage } = releaseData(release, dist);
  const files = new Map<string, Buffer>();
  const archiveName = `downloads/overseas-police-stations-${pkg.version}.zip`;
  for (const [path, bytes] of release) files.set(`downloads/${path}`, bytes);
  files.set(archiveName, zip([...release].map(([path, bytes]) => [`overseas-police-stations-${pkg.version}/${path}`, bytes])));
  const downloads = [...files].map(([path, bytes]) => ({ path, bytes: bytes.length }));

  const { pages, assets } = buildPages({
    data,
    citation,
    downloads,
    datapackage,
    methodology: projectText(root, 'docs/METHODOLOGY.md')!,
    coverage: projectText(root, 'docs/coverage.md', true),
    docsUrl: repositoryDocs(pkg.repository),
  });
  for (const page of pages) files.set(page.path, Buffer.from(layout(page, pkg.version)));
  for (const [path, text] of assets) files.set(path, Buffer.from(text));
  files.set('assets/site.css', Buffer.from(CSS));
  files.set('assets/site.js', Buffer.from(JS));

  const out = join(dist, 'site');
  try {
    writeAtomically(out, files);
  } catch (error) {
    throw new SiteError(`Could not write the site to ${out}: ${describeFsError(error)}. The previous site, if any, is left as it was.`, 'Free some space or fix the permissions, then run `npm run site` again.');
  }
  console.log(`Built ${out}: ${pages.length} pages, ${files.size} files`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof SiteError) console.error(`npm run site: ${error.message}\nTip: ${error.tip}`);
  else console.error(`npm run site: unexpected failure: ${describeFsError(error)}\nTip: please report it with the command you ran.`);
  process.exitCode = 1;
}
