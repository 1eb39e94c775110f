import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'service/**/*.test.ts', 'hosts/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The renderer's tests run in Node too (its state classes need no DOM), but with runes
        // compiled as the browser gets them: `.svelte.ts` files go through the Svelte compiler
        // with generate 'client' (Vitest's Node environment would ask for the server output, in
        // which $state is a plain field and flushSync does nothing), and `svelte` resolves to its
        // browser entry, the runtime that compiled code imports.
        plugins: [svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })],
        ssr: { resolve: { conditions: [...defaultClientConditions] } },
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
