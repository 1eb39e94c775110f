import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The icons `npm run icons` renders from build/icon.svg, in every size the installers use. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString()).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('app icons', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('build/icons/%ix%i.png is that size', (size) => {
    expect(pngSize(join(import.meta.dirname, 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('build/icon.png is 1024 px, enough for the macOS and Windows icons electron-builder derives', () => {
    expect(pngSize(join(import.meta.dirname, 'icon.png'))).toEqual({ width: 1024, height: 1024 });
  });
});
