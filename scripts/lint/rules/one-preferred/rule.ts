import type { RecordRule } from '../rule.js';

/** The fields that list competing versions of one fact, each of which may carry `preferred`. */
const FIELDS: Record<string, readonly string[]> = {
  stations: ['address', 'host_organisation', 'operator', 'opened', 'reported_by'],
  agreements: ['signing'],
};

const rule: RecordRule = {
  name: 'one-preferred',
  scope: 'record',
  collections: ['stations', 'agreements'],
  check: 'preferred',
  description: 'Among the versions of one fact, at most one is marked preferred.',
  run(record, ctx) {
    for (const field of FIELDS[ctx.collection] ?? []) {
      const list = record[field];
      if (!Array.isArray(list)) continue;
      const preferred = list.filter((c: { preferred?: unknown }) => c && c.preferred !== undefined).length;
      if (preferred > 1) {
        ctx.report([field], `${preferred} versions are marked preferred; at most one may be`, { tip: 'Keep `preferred` on the version the project prefers, with its reason.' });
      }
    }
  },
};
export default rule;
