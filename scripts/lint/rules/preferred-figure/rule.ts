import type { DatasetRule } from '../rule.js';

const rule: DatasetRule = {
  name: 'preferred-figure',
  scope: 'dataset',
  check: 'preferred',
  description: 'At most one figure is the preferred value of a measure for a given scope.',
  run(ctx) {
    // The first preferred figure of each measure and scope, remembered from piece to piece.
    const preferredByMeasure = (ctx.state.preferred ??= new Map<string, string>()) as Map<string, string>;
    for (const { index, record } of ctx.rows.figures) {
      const f = record as { id?: string; preferred?: unknown; measure?: unknown; scope?: { country?: string; description?: string } };
      if (!f.preferred || typeof f.measure !== 'string') continue;
      const key = `${f.measure}|${f.scope?.country ?? ''}|${f.scope?.description ?? ''}`;
      const other = preferredByMeasure.get(key);
      if (other) ctx.report('figures', index, ['preferred'], `"${other}" is already the preferred value of ${f.measure} for this scope`, { tip: 'Mark one version preferred at most.' });
      else preferredByMeasure.set(key, f.id ?? '');
    }
  },
};
export default rule;
