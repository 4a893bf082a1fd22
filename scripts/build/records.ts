/** Reading records the same way in every artifact: preferred versions and citations. */

/** The value of the version marked preferred, or of the first version; undefined for an empty list. */
export function preferredValue<T>(claims: ReadonlyArray<{ value: T; preferred?: unknown }>): T | undefined {
  return (claims.find((c) => c.preferred) ?? claims[0])?.value;
}

export interface FoundCitation {
  /** JSON Pointer of the part of the record the citation supports; empty for the record itself. */
  path: string;
  source: string;
  locator?: string;
  excerpt?: string;
  via?: string;
}

/** What citationsOf found in each record object it was given (records are not changed once read; the build asks twice per record). */
const found = new WeakMap<object, readonly FoundCitation[]>();

/** Every citation anywhere in a record, in document order (the same list, not to be changed, when asked again of the same object). */
export function citationsOf(record: unknown): readonly FoundCitation[] {
  if (record && typeof record === 'object') {
    const known = found.get(record);
    if (known) return known;
  }
  const out: FoundCitation[] = [];
  // The path is kept on a stack and joined only where citations are found (most values hold none).
  const path: Array<string | number> = [];
  const walk = (value: object) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v && typeof v === 'object') {
          path.push(i);
          walk(v);
          path.pop();
        }
      }
      return;
    }
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (key === 'sources' && Array.isArray(v)) {
        const at = path.length ? `/${path.join('/')}` : '';
        for (const c of v as FoundCitation[]) out.push({ ...c, path: at });
      } else if (v && typeof v === 'object') {
        path.push(key);
        walk(v);
        path.pop();
      }
    }
  };
  if (record && typeof record === 'object') {
    walk(record);
    found.set(record, out);
  }
  return out;
}

/** An author as people read it: "Given Family", or the literal name. */
export function authorName(author: { family: string; given?: string } | { literal: string }): string {
  return 'literal' in author ? author.literal : author.given ? `${author.given} ${author.family}` : author.family;
}

/**
 * How a source is named in a reference: its headline as published, or, where
 * no headline was read, its description in square brackets (never a made-up title).
 */
export function sourceHeading(source: { title?: string; description?: string }): string {
  return source.title ?? `[${source.description ?? 'untitled'}]`;
}
