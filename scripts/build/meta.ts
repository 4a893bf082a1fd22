/** The package metadata that goes into datapackage.json, read from package.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageMeta } from './datapackage.js';

export function packageMeta(projectRoot: string): PackageMeta {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string; description: string; homepage?: string; keywords?: string[] };
  return {
    name: pkg.name,
    version: pkg.version,
    title: 'Overseas Chinese police stations and Italy–China police cooperation',
    description: pkg.description,
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    keywords: pkg.keywords ?? [],
    sources: [
      { title: 'Safeguard Defenders, 110 Overseas – Chinese Transnational Policing Gone Wild (September 2022)', path: 'https://safeguarddefenders.com/en/blog/230000-chinese-persuaded-return-abroad-long-arm-policing-expands' },
      { title: 'Safeguard Defenders, Patrol and Persuade – A follow up on 110 Overseas investigation (December 2022)', path: 'https://safeguarddefenders.com/zh-hans/node/579' },
    ],
  };
}

/** Where the compiled Zod schemas are, relative to the compiled build scripts. */
export const COMPILED_SCHEMAS = join(import.meta.dirname, '../../schemas');
