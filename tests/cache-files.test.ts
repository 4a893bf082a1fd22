/** The caches' files: written whole or not at all, pruned to the newest. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneCache, writeCacheFile } from '../scripts/lib/cache-files.js';

describe('cache files', () => {
  it('are written into place, with their folder, and leave no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-cachefiles-'));
    expect(writeCacheFile(join(dir, 'a/b/x.json'), '{"x":1}')).toBe(true);
    expect(readFileSync(join(dir, 'a/b/x.json'), 'utf8')).toBe('{"x":1}');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['x.json']);
  });

  it('that cannot be written are skipped, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-cachefiles-'));
    writeFileSync(join(dir, 'file'), '');
    expect(writeCacheFile(join(dir, 'file/inside.json'), '{}')).toBe(false);
    expect(existsSync(join(dir, 'file/inside.json.tmp'))).toBe(false);
  });

  it('are pruned to the newest, leaving other files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-cachefiles-'));
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(dir, `${i}.json`), '{}');
      utimesSync(join(dir, `${i}.json`), new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    writeFileSync(join(dir, 'keep.txt'), '');
    pruneCache(dir, 2, '.json');
    expect(readdirSync(dir).sort()).toEqual(['3.json', '4.json', 'keep.txt']);
    pruneCache(join(dir, 'missing'), 2, '.json');
  });
});
