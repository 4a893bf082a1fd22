/** Finding the citation lists inside a raw record, for the rules about citations. */
import type { Path } from './rule.js';

export interface CitationList {
  /** Path of the `sources` array inside the record. */
  path: Path;
  citations: ReadonlyArray<Record<string, unknown>>;
}

/** Every `sources` array of citation objects anywhere in a record, in document order. */
export function citationLists(record: unknown): CitationList[] {
  const out: CitationList[] = [];
  const walk = (value: unknown, at: Path, depth: number) => {
    if (depth > 64 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...at, i], depth + 1));
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(v)) out.push({ path: [...at, key], citations: v.filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && !Array.isArray(c)) });
      else walk(v, [...at, key], depth + 1);
    }
  };
  walk(record, [], 0);
  return out;
}

/** The collections whose citations support claims and whose records carry a verification block. */
export const CHECKED = ['stations', 'statements', 'figures', 'agreements', 'events'] as const;
