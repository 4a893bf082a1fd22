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
}

/** Every citation anywhere in a record, in document order. */
export function citationsOf(record: unknown): FoundCitation[] {
  const out: FoundCitation[] = [];
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}/${i}`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'sources' && Array.isArray(v)) for (const c of v as FoundCitation[]) out.push({ ...c, path: at });
        else walk(v, `${at}/${key}`);
      }
    }
  };
  walk(record, '');
  return out;
}
