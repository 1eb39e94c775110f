import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The renderer: served from app:// in Electron and by the loopback host in a browser. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // DECISION_MATRIX_NO_MINIFY=1 keeps function names readable in CPU profiles.
    minify: process.env.DECISION_MATRIX_NO_MINIFY ? false : 'esbuild',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'renderer/index.html'),
        report: resolve(import.meta.dirname, 'renderer/report.html'),
        participant: resolve(import.meta.dirname, 'renderer/participant.html'),
      },
    },
  },
});
