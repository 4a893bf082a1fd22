import { certainlyBefore } from '../../dates.js';
import type { Path, RecordContext, RecordRule } from '../rule.js';

type Loose = { [key: string]: unknown } | null | undefined;

function period(ctx: RecordContext, path: Path, start: unknown, end: unknown, what: string) {
  if (typeof start === 'string' && typeof end === 'string' && certainlyBefore(end, start)) {
    ctx.report(path, `${what} ends (${end}) before it starts (${start})`, { tip: 'Check both dates against the sources.' });
  }
}

const rule: RecordRule = {
  name: 'period-order',
  scope: 'record',
  collections: ['agreements', 'figures', 'events'],
  check: 'date-order',
  description: 'Periods (an agreement in force, an event with an end, a figure\'s period) do not end before they start.',
  run(record, ctx) {
    if (ctx.collection === 'agreements') {
      const { in_force, events } = record as { in_force?: unknown; events?: unknown };
      if (Array.isArray(in_force)) in_force.forEach((p: Loose, i) => period(ctx, ['in_force', i, 'end'], p?.start, p?.end, 'the period in force'));
      if (Array.isArray(events)) events.forEach((e: Loose, i) => period(ctx, ['events', i, 'end'], e?.date, e?.end, 'the event'));
    } else if (ctx.collection === 'figures') {
      const p = record.period as Loose;
      period(ctx, ['period', 'end'], p?.start, p?.end, 'the period');
    } else {
      period(ctx, ['end'], record.date, record.end, 'the event');
    }
  },
};
export default rule;
