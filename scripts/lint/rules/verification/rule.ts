import type { RecordRule } from '../rule.js';
import { CHECKED } from '../citations.js';

const rule: RecordRule = {
  name: 'verification',
  scope: 'record',
  collections: CHECKED,
  check: 'verification',
  description: 'Every checked record says whether it was verified against a readable copy of its sources; anything short of verified says why in a note.',
  run(r, ctx) {
    const v = r.verification;
    if (v === undefined) {
      ctx.report(['verification'], 'the record has not been checked against its sources', {
        level: 'warning',
        tip: 'Read the cited sources, then add "verification": { "status": "verified" | "corrected" | "partly-verified" | "unverifiable", "checked": "YYYY-MM-DD" }.',
      });
      return;
    }
    if (!v || typeof v !== 'object') return; // the schema check reports a verification that is not an object
    const { status, note } = v as { status?: unknown; note?: unknown };
    if (typeof status === 'string' && status !== 'verified' && note === undefined) {
      ctx.report(['verification', 'note'], `a record that is "${status}" needs a note`, {
        tip: status === 'corrected' ? 'Say what was corrected.' : 'Say what could not be read, and why.',
      });
    }
  },
};
export default rule;
