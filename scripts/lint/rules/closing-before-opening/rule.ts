import { certainlyBefore } from '../../dates.js';
import type { RecordRule } from '../rule.js';

const CLOSING_KINDS = new Set(['closure', 'closure-order']);

const rule: RecordRule = {
  name: 'closing-before-opening',
  scope: 'record',
  collections: ['stations'],
  check: 'date-order',
  description: 'A station does not close (or get a closure order) before any of its recorded opening dates.',
  run(s, ctx) {
    const { opened, history } = s as { opened?: unknown; history?: unknown };
    if (!Array.isArray(opened) || !Array.isArray(history)) return;
    history.forEach((event: { kind?: unknown; date?: unknown } | null, e) => {
      if (!event || !CLOSING_KINDS.has(event.kind as string)) return;
      for (const o of opened as Array<{ value?: unknown } | null>) {
        if (typeof o?.value === 'string' && typeof event.date === 'string' && certainlyBefore(event.date, o.value)) {
          ctx.report(['history', e, 'date'], `the station is recorded as closing (${event.date}) before it opened (${o.value})`, { tip: 'Check the opening and closing dates against their sources.' });
        }
      }
    });
  },
};
export default rule;
