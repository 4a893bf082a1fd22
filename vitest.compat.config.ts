import { defineConfig } from 'vitest/config';

// `npm run test:compat`: the package against the Node.js and TypeScript releases of the README's compatibility table,
// and the bundle sizes of its entries. Installs those releases from npm into a temporary folder.
export default defineConfig({
  test: { include: ['tests/compat/**/*.compat.ts'], testTimeout: 120_000, hookTimeout: 900_000, fileParallelism: false, maxConcurrency: 3 },
});
