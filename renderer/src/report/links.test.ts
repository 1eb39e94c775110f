import { describe, expect, it } from 'vitest';
import { sourceLink } from './links';

describe('sourceLink', () => {
  it('links web addresses only', () => {
    expect(sourceLink('https://pytorch.org/docs')).toBe('https://pytorch.org/docs');
    expect(sourceLink('  http://example.com/a?b=1 ')).toBe('http://example.com/a?b=1');
    for (const text of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'see https://example.com', 'https://', 'internal wiki', '']) {
      expect(sourceLink(text)).toBeNull();
    }
  });
});
