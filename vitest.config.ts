import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'fuzz/**/*.test.ts'],
    testTimeout: 30000,
  },
});
