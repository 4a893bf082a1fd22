import { collections } from '../../../../schemas/index.js';
import { pointer } from '../../problems.js';
import type { DatasetRule } from '../rule.js';

const rule: DatasetRule = {
  name: 'duplicate-id',
  scope: 'dataset',
  check: 'duplicate-id',
  description: 'Ids are unique within a collection.',
  run(ctx) {
    for (const info of collections) {
      const first = ctx.ids(info.name);
      for (const { index, record } of ctx.rows[info.name]) {
        const id = record.id;
        if (typeof id !== 'string') continue;
        const at = first.get(id)!;
        if (at !== index) {
          ctx.report(info.name, index, ['id'], `duplicate id "${id}": also used by the record at ${pointer([at])}`, {
            tip: 'Ids are unique within a collection and never reused; give one of them a new id.',
          });
        }
      }
    }
  },
};
export default rule;
