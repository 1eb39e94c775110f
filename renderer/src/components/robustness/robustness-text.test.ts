import { describe, expect, it } from 'vitest';
import { signedPoints } from './robustness-text';

describe('signedPoints', () => {
  it.each([
    [0.051, '+5.1 points'],
    [-0.01, '−1 point'],
    [0.01, '+1 point'],
    [-0.012, '−1.2 points'],
    [0.00001, '0 points'],
  ])('%d → %s', (margin, text) => {
    expect(signedPoints(margin)).toBe(text);
  });
});
