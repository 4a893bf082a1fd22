/** Small data runs without V8's optimising tiers; the threshold is measured on the collection files only. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataBytes, isSmallData, SMALL_DATA_BYTES } from '../scripts/lib/small-data.js';
import { fixture, PROJECT_ROOT } from './helpers/fixture.js';

describe('small data', () => {
  it('is what the real dataset is', () => {
    expect(dataBytes(PROJECT_ROOT)).toBeGreaterThan(100_000);
    expect(isSmallData(PROJECT_ROOT)).toBe(true);
  });

  it('counts the collection files, a missing one as nothing, and stops being small at the threshold', () => {
    const f = fixture();
    const before = dataBytes(f.root);
    writeFileSync(join(f.root, 'data/not-a-collection.json'), 'x'.repeat(1000));
    expect(dataBytes(f.root)).toBe(before);
    f.write('events', '[' + ' '.repeat(SMALL_DATA_BYTES) + ']');
    expect(dataBytes(f.root)).toBeGreaterThanOrEqual(SMALL_DATA_BYTES);
    expect(isSmallData(f.root)).toBe(false);
    expect(dataBytes(join(f.root, 'nowhere'))).toBe(0);
  });
});
