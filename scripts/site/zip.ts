/**
 * The download of all files as one ZIP, written with fflate: DEFLATE at the
 * highest level, entries in the given order, and every timestamp set to
 * 1 January 2020 00:00 so that the same files give byte-identical archives.
 */
import { zipSync, type Zippable } from 'fflate';

/**
 * fflate writes DOS timestamps from the Date's local-time fields; a Date built
 * from local-time fields therefore gives the same bytes in every time zone.
 */
const FIXED_TIME = new Date(2020, 0, 1, 0, 0, 0);

export function zip(entries: ReadonlyArray<[string, Uint8Array]>): Buffer {
  const files: Zippable = {};
  for (const [name, bytes] of entries) {
    if (/^\d+$/.test(name)) throw new Error(`zip entry name "${name}" is all digits, which would change the entry order`);
    if (name in files) throw new Error(`zip entry "${name}" is given twice`);
    files[name] = [bytes, { level: 9, mtime: FIXED_TIME }];
  }
  return Buffer.from(zipSync(files, { level: 9, mtime: FIXED_TIME }));
}
