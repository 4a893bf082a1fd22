/**
 * A v1 view of the v2 descriptor, for the v1-only `datapackage` npm reader:
 * `list` fields become strings (v1 has no list type), the v1 `profile` keys
 * are added, and only the CSV tables are kept. Load it with
 * `Package.load(v1Descriptor(dist), { basePath: dist })`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Descriptor = { resources: Array<{ type?: string; path: string; schema?: { fields: Array<Record<string, unknown>> } } & Record<string, unknown>> } & Record<string, unknown>;

export function v1Descriptor(dist: string): Record<string, unknown> {
  const v2 = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as Descriptor;
  const v1 = {
    ...v2,
    profile: 'tabular-data-package',
    resources: v2.resources
      .filter((r) => r.type === 'table')
      .map(({ $schema: _s, ...r }) => ({
        ...r,
        profile: 'tabular-data-resource',
        schema: { ...r.schema!, fields: r.schema!.fields.map(({ delimiter: _d, itemType: _i, ...f }) => (f.type === 'list' ? { ...f, type: 'string' } : f)) },
      })),
  };
  return v1;
}
