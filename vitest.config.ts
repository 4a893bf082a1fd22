import { defineConfig } from 'vitest/config';

// `npm test`: the fast suites. The browser suite (tests/site/*.e2e.ts) runs with `npm run test:site`.
// Vitest would use one worker less than the cores (one, on CI's two); most files here wait on the builds they spawn,
// so two files at a time use both cores.
export default defineConfig({
  test: { include: ['tests/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000, maxWorkers: 2 },
});
