import { describe, expect, it } from 'vitest';
import { isAppUrl, mayOpenExternally } from './url-guard';

describe('isAppUrl', () => {
  it.each(['app://decision-matrix/index.html', 'app://decision-matrix/', 'app://decision-matrix/report.html?id=1'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://x.evil/index.html',
    'app://decision-matrix.evil/index.html',
    'app://user:pw@decision-matrix/index.html',
    'http://localhost.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('mayOpenExternally', () => {
  it.each(['https://pytorch.org/docs', 'http://localhost.evil.example/'])('lets the OS browser open %s', (url) => {
    expect(mayOpenExternally(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://decision-matrix/index.html',
    'smb://server/share',
    'https://user:secret@example.com/',
    'data:text/html,hi',
    '',
  ])('refuses %s', (url) => {
    expect(mayOpenExternally(url)).toBe(false);
  });
});
