import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../core/content-security-policy';

const renderer = join(import.meta.dirname, '..', 'dist', 'renderer');

describe('the built pages', () => {
  it('each carry the one Content-Security-Policy, written in at build', () => {
    if (!existsSync(renderer)) throw new Error('dist/renderer is missing: run `npm run build` first');
    const pages = readdirSync(renderer).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['index.html', 'participant.html', 'report.html']);
    for (const page of pages) {
      const policies = [...readFileSync(join(renderer, page), 'utf8').matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)].map((m) => m[1]);
      expect(policies, page).toEqual([CONTENT_SECURITY_POLICY_META]);
    }
    // The header copy adds only what a <meta> policy cannot carry.
    expect(CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY_META.replace("; form-action", "; frame-ancestors 'none'; form-action")}`);
  });
});
