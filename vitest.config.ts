import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'fuzz/**/*.test.ts'],
    testTimeout: 30000,
    // The kind table (src/core/kinds.ts) is installed before any test file loads.
    setupFiles: ['test-support/kinds.ts'],
  },
});
