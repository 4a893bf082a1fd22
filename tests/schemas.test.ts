import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collections } from '../schemas/index.js';
import { VALID_FIXTURE } from './helpers/fixture.js';

describe.each(collections.map((c) => [c.name, c] as const))('the %s schema', (_name, info) => {
  const valid = JSON.parse(readFileSync(join(VALID_FIXTURE, info.file), 'utf8'))[0];

  it('accepts the valid fixture record', () => {
    expect(info.schema.safeParse(valid).success).toBe(true);
  });

  it('rejects {}', () => {
    expect(info.schema.safeParse({}).success).toBe(false);
  });

  it('rejects a record with an extra key', () => {
    const result = info.schema.safeParse({ ...valid, extra: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  // Source records are the citations' targets and carry none themselves.
  it.skipIf(info.name === 'sources')('rejects a record with an extra key inside a citation', () => {
    const result = info.schema.safeParse({ ...valid, sources: [{ ...valid.sources[0], page: 3 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['sources', 0]);
  });
});
