import { certainlyBefore } from '../../dates.js';
import type { RecordRule } from '../rule.js';

const FIELDS: Record<string, string> = { stations: 'history', agreements: 'events' };

const rule: RecordRule = {
  name: 'list-date-order',
  scope: 'record',
  collections: ['stations', 'agreements'],
  check: 'date-order',
  description: 'A station\'s history and an agreement\'s events are listed in date order.',
  run(record, ctx) {
    const field = FIELDS[ctx.collection]!;
    const list = record[field];
    if (!Array.isArray(list)) return;
    for (let i = 1; i < list.length; i++) {
      const a = (list[i - 1] as { date?: unknown } | null)?.date;
      const b = (list[i] as { date?: unknown } | null)?.date;
      if (typeof a === 'string' && typeof b === 'string' && certainlyBefore(b, a)) {
        ctx.report([field, i, 'date'], `${field} is not in date order: ${b} comes after ${a}`, { tip: `Sort ${field} by date.` });
      }
    }
  },
};
export default rule;
