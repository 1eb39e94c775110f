import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from './static-files';

/** The guard behind both the browser host's files and the desktop app's app:// scheme. */
describe('resolveInside', () => {
  const root = join(sep, 'app', 'renderer');

  it.each([
    ['/index.html', join(root, 'index.html')],
    ['/assets/index-abc.js', join(root, 'assets', 'index-abc.js')],
    ['/a/../index.html', join(root, 'index.html')],
  ])('resolves %s inside the renderer', (path, expected) => {
    expect(resolveInside(root, path)).toBe(expected);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../etc/passwd', '/%00index.html', '/%E0%A4%A', '/..\\..\\secret.txt'])(
    'refuses %s',
    (path) => {
      const resolved = resolveInside(root, path);
      expect(resolved === null || resolved.startsWith(root + sep)).toBe(true);
      if (!path.includes('\\')) expect(resolved).toBeNull();
    },
  );
});
