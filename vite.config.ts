import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META, CONTENT_SECURITY_POLICY_PLACEHOLDER } from './core/content-security-policy.ts';

/** Writes the app's one Content-Security-Policy into every HTML entry (core/content-security-policy.ts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'decision-matrix:content-security-policy',
    transformIndexHtml(html, { filename }) {
      if (!html.includes(CONTENT_SECURITY_POLICY_PLACEHOLDER)) throw new Error(`${filename} has no ${CONTENT_SECURITY_POLICY_PLACEHOLDER} meta tag to fill`);
      return html.replaceAll(CONTENT_SECURITY_POLICY_PLACEHOLDER, CONTENT_SECURITY_POLICY_META);
    },
  };
}

/** The renderer: served from app:// in Electron and by the loopback host in a browser. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [svelte(), contentSecurityPolicy()],
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
