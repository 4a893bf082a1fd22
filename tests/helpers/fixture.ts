/** Copies of the valid fixture dataset, broken on purpose by a test. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const VALID_FIXTURE = resolve(import.meta.dirname, '../fixtures/valid');
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Fixture {
  root: string;
  /** Parses a data file, lets `edit` change it, writes it back. */
  edit(collection: string, edit: (records: Json[]) => void): Fixture;
  /** Replaces a data file (`events`, or `ids/retired`) with raw bytes or text. */
  write(collection: string, content: string | Uint8Array): Fixture;
  read(collection: string): Json[];
}

export function fixture(from = VALID_FIXTURE): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'ops-fixture-'));
  cpSync(join(from, 'data'), join(root, 'data'), { recursive: true });
  const file = (c: string) => join(root, 'data', `${c}.json`);
  const self: Fixture = {
    root,
    edit(collection, edit) {
      const records = JSON.parse(readFileSync(file(collection), 'utf8'));
      edit(records);
      writeFileSync(file(collection), JSON.stringify(records, null, 2) + '\n');
      return self;
    },
    write(collection, content) {
      mkdirSync(dirname(file(collection)), { recursive: true });
      writeFileSync(file(collection), content);
      return self;
    },
    read(collection) {
      return JSON.parse(readFileSync(file(collection), 'utf8'));
    },
  };
  return self;
}
