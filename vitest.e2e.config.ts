import { defineConfig } from 'vitest/config';

// `npm run test:site`: the static site in a real browser (Debian's Chromium).
export default defineConfig({
  test: { include: ['tests/site/**/*.e2e.ts'], testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false },
});
