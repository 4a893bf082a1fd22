/** The shape of one problem found by the linter, and helpers to make them. */
export type Level = 'error' | 'warning';
export type Scope = 'file' | 'record' | 'dataset';

export interface Problem {
  level: Level;
  /** Which kind of check found it: reading a file, one record, or the dataset as a whole. */
  scope: Scope;
  /** Short name of the check, e.g. `json-syntax`, `schema`, `reference`. */
  check: string;
  /** Path of the data file relative to the project root, with `/` separators. */
  file: string;
  /** Id of the record concerned, where there is one. */
  id?: string | undefined;
  /** JSON Pointer into the file (`/3/history/0/date`); empty for the whole file. */
  path: string;
  message: string;
  expected?: string | undefined;
  tip?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export function pointer(segments: ReadonlyArray<string | number | symbol>): string {
  return segments
    .map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

export function countLevels(problems: readonly Problem[]) {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.level === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
