/**
 * `npm run release:ids`: records every current id as released, with the
 * version of package.json, in data/ids/released.json. Run it when cutting a
 * release; from then on the linter refuses to let those ids disappear.
 * Ids released earlier stay listed even if they are now retired.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../schemas/index.js';
import { ReleasedIds } from '../schemas/ids.js';
import { RELEASED_FILE } from './lint/id-registry.js';
import { projectRoot } from './lib/cli.js';
import { requireValidData } from './lib/require-valid-data.js';

const root = projectRoot();
const lint = requireValidData(root, 'npm run release:ids');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const path = join(root, RELEASED_FILE);
// The linter has checked data/ids/released.json too, so it parses.
const previous = existsSync(path) ? ReleasedIds.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
const ids = Object.fromEntries(
  collections.map((c) => {
    const current = (lint.data[c.name] as Array<{ id: string }>).map((r) => r.id);
    return [c.name, [...new Set([...(previous?.ids[c.name] ?? []), ...current])].sort()];
  }),
);
mkdirSync(join(root, 'data/ids'), { recursive: true });
writeFileSync(path, JSON.stringify({ version, ids }, null, 2) + '\n');
if (!existsSync(join(root, 'data/ids/retired.json'))) writeFileSync(join(root, 'data/ids/retired.json'), '[]\n');
console.log(`recorded ${Object.values(ids).reduce((n, list) => n + list.length, 0)} released ids for ${version} in ${RELEASED_FILE}`);
