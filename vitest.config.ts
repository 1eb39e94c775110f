import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'service/**/*.test.ts', 'hosts/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
  },
});
