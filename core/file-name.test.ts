import { describe, expect, it } from 'vitest';
import { fileNameFor } from './file-name';

describe('fileNameFor', () => {
  it.each([
    ['PyTorch vs TensorFlow', 'PyTorch vs TensorFlow.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j.pdf'],
    ['invoice\u202Efdp.exe', 'invoice fdp.exe.pdf'],
    ['   ', 'decision.pdf'],
    ['x'.repeat(300), `${'x'.repeat(120)}.pdf`],
  ])('%j → %j', (title, expected) => {
    expect(fileNameFor(title, 'pdf')).toBe(expected);
  });
});
