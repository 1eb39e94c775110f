import { describe, expect, it } from 'vitest';
import { bytesFromBase64, fileAsBase64 } from './base64';

describe('base64', () => {
  it('carries every byte value there and back, as Node encodes it', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const base64 = await fileAsBase64(new Blob([bytes]));
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect([...bytesFromBase64(base64)]).toEqual([...bytes]);
  });

  it('encodes a file larger than one chunk', async () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7) % 256);
    expect(await fileAsBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });
});
