/**
 * The numbers that the generated documentation states about the data: the
 * README's counts sentence, the verification counts in docs/METHODOLOGY.md and
 * the coverage page docs/coverage.md all read them from here, so that no two
 * documents can disagree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../../schemas/index.js';
import { collections, type CollectionName } from '../../schemas/index.js';
import type { Dataset } from '../build/dataset.js';
import { citationsOf } from '../build/records.js';

/** The records of every collection, as the build types them. */
export type DatasetRecords = Dataset;

/** Reads the data files of a project root (already validated by the caller). */
export function readRecords(root: string): DatasetRecords {
  return Object.fromEntries(collections.map((c) => [c.name, JSON.parse(readFileSync(join(root, c.file), 'utf8').replace(/^\uFEFF/, ''))])) as DatasetRecords;
}

/** The collections whose records carry a `verification` block and whose citations support claims. */
export const CHECKED_COLLECTIONS = ['stations', 'statements', 'figures', 'agreements', 'events'] as const satisfies readonly CollectionName[];
export type CheckedCollection = (typeof CHECKED_COLLECTIONS)[number];

export const VERIFICATION_STATUSES = ['verified', 'corrected', 'partly-verified', 'unverifiable'] as const;

export interface VerificationRow {
  collection: CheckedCollection;
  records: number;
  /** Records by verification status; `unchecked` counts records without a verification block. */
  byStatus: Record<(typeof VERIFICATION_STATUSES)[number] | 'unchecked', number>;
  citations: number;
  withExcerpt: number;
}

export function verificationRows(data: DatasetRecords): VerificationRow[] {
  return CHECKED_COLLECTIONS.map((collection) => {
    const records = data[collection] as ReadonlyArray<{ verification?: { status: string } }>;
    const byStatus = { verified: 0, corrected: 0, 'partly-verified': 0, unverifiable: 0, unchecked: 0 } as VerificationRow['byStatus'];
    let citations = 0;
    let withExcerpt = 0;
    for (const record of records) {
      byStatus[(record.verification?.status ?? 'unchecked') as keyof typeof byStatus]++;
      for (const c of citationsOf(record)) {
        citations++;
        if (c.excerpt !== undefined) withExcerpt++;
      }
    }
    return { collection, records: records.length, byStatus, citations, withExcerpt };
  });
}

/** Share of supporting citations that carry a verbatim excerpt, over every checked collection. */
export function excerptCoverage(rows: readonly VerificationRow[]): { citations: number; withExcerpt: number; share: number } {
  const citations = rows.reduce((n, r) => n + r.citations, 0);
  const withExcerpt = rows.reduce((n, r) => n + r.withExcerpt, 0);
  return { citations, withExcerpt, share: citations ? withExcerpt / citations : 1 };
}

export function sourcesByReadStatus(sources: readonly Source[]): Record<'full' | 'partial' | 'not-read' | 'unrecorded', number> {
  const out = { full: 0, partial: 0, 'not-read': 0, unrecorded: 0 };
  for (const s of sources) out[s.read ?? 'unrecorded']++;
  return out;
}

export const percent = (share: number) => `${(Math.floor(share * 1000) / 10).toFixed(1)} %`;
