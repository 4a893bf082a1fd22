import { collections } from '../../../../schemas/index.js';
import { collectReferences, forEachReference } from '../../schema-walk.js';
import { Suggester } from '../../similar.js';
import type { DatasetRule } from '../rule.js';

const fileOf = (name: string) => collections.find((c) => c.name === name)!.file;

const rule: DatasetRule = {
  name: 'reference',
  scope: 'dataset',
  check: 'reference',
  description: 'Every reference to another record names an id that exists; a source is not its own original.',
  run(ctx) {
    // Built when first needed, and kept from piece to piece.
    const suggesters = (ctx.state.suggesters ??= new Map<string, Suggester>()) as Map<string, Suggester>;
    const suggest = (collection: Parameters<typeof ctx.ids>[0], id: string) => {
      let s = suggesters.get(collection);
      if (!s) suggesters.set(collection, (s = new Suggester(ctx.ids(collection).keys())));
      return s.closest(id);
    };
    for (const info of collections) {
      for (const { index, record } of ctx.rows[info.name]) {
        // A fast pass without paths; a record with a broken reference is walked again to report where.
        let broken = false;
        forEachReference(info.schema, record, (collection, target) => {
          if (!ctx.ids(collection).has(target)) broken = true;
        });
        if (info.name === 'sources' && record.original !== undefined && record.original === record.id) {
          ctx.report(info.name, index, ['original'], 'a source cannot be its own original');
        }
        if (!broken) continue;
        for (const ref of collectReferences(info.schema, record)) {
          const targetIds = ctx.ids(ref.collection);
          if (targetIds.has(ref.id)) continue;
          const guess = suggest(ref.collection, ref.id);
          ctx.report(info.name, index, ref.path, `"${ref.id}" is not the id of any record in ${fileOf(ref.collection)}`, {
            expected: `an id from ${fileOf(ref.collection)}`,
            tip: guess ? `Did you mean "${guess}"?` : `Add the record to ${fileOf(ref.collection)} first, or correct the id.`,
          });
        }
      }
    }
  },
};
export default rule;
