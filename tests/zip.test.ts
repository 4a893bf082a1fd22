/** The site's download archive: compressed, complete, byte-identical across runs and time zones. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip } from '../scripts/site/zip.js';

const entries: Array<[string, Buffer]> = [
  ['release/README.md', Buffer.from('# Read me\n'.repeat(200))],
  ['release/csv/stations.csv', Buffer.from('id,name\r\nit-prato,Prato “station”\r\n'.repeat(500))],
  ['release/docs/METHODOLOGY.md', Buffer.from('Città 温州 😀\n')],
  ['release/empty.txt', Buffer.alloc(0)],
];

describe('zip', () => {
  it('holds every entry, in order, with its exact bytes', () => {
    const archive = zip(entries);
    const read = unzipSync(archive);
    expect(Object.keys(read)).toEqual(entries.map(([name]) => name));
    for (const [name, bytes] of entries) expect(Buffer.from(read[name]!).equals(bytes), name).toBe(true);
  });

  it('compresses (DEFLATE, method 8) and is much smaller than the files', () => {
    const archive = zip(entries);
    expect(archive.length).toBeLessThan(entries.reduce((n, [, b]) => n + b.length, 0) / 10);
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
    expect(archive.readUInt16LE(8)).toBe(8);
  });

  it('gives the same bytes in every run and in every time zone', () => {
    const here = zip(entries);
    expect(zip(entries).equals(here)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'ops-zip-'));
    const script = join(dir, 'zip-hash.ts');
    writeFileSync(script, `import { createHash } from 'node:crypto'; import { zip } from ${JSON.stringify(join(import.meta.dirname, '../scripts/site/zip.ts'))};
const entries = ${JSON.stringify(entries.map(([n, b]) => [n, b.toString('base64')]))}.map(([n, b]) => [n, Buffer.from(b, 'base64')]);
console.log(createHash('sha256').update(zip(entries)).digest('hex'));`);
    const hashes = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((TZ) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trim();
    });
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an entry given twice', () => {
    expect(() => zip([entries[0]!, entries[0]!])).toThrow(/given twice/);
  });
});

describe.skipIf(!existsSync('/usr/bin/python3'))('zip, read by Python’s zipfile', () => {
  it('passes testzip and lists every entry as deflated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-zip-'));
    const path = join(dir, 'all.zip');
    writeFileSync(path, zip(entries));
    const run = spawnSync('/usr/bin/python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(",".join(f"{i.filename}:{i.compress_type}:{i.date_time[0]}" for i in z.infolist()))', path], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [bad, list] = run.stdout.trim().split('\n');
    expect(bad).toBe('None');
    expect(list).toBe(entries.map(([name]) => `${name}:8:2020`).join(','));
  });
});
