import { defineConfig } from 'vitest/config';

// `npm test`: the fast suites. The browser suite (tests/site/*.e2e.ts) runs with `npm run test:site`.
export default defineConfig({
  test: { include: ['tests/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 180_000 },
});
