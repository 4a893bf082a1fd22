/**
 * `npm run sync [-- --check]`: writes the generated metadata files
 * (.vscode/settings.json, .zenodo.json); with --check, only reports the ones
 * that are out of date (exit 1), as the tests do.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, projectRoot } from './cli.js';
import { generatedFiles } from './project-metadata.js';

const args = parseArgs(process.argv.slice(2), { check: 'boolean' });
if (!args.ok) {
  console.error(args.error);
  process.exit(2);
}
const root = projectRoot();
let stale = 0;
for (const { path, content } of generatedFiles(root)) {
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === content) {
    console.log(`✔ ${path} is up to date`);
  } else if (args.values.check) {
    console.error(`✖ ${path} is out of date; run npm run sync`);
    stale++;
  } else {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    console.log(`✎ ${path} written`);
  }
}
process.exitCode = stale ? 1 : 0;
