import { describe, expect, it } from 'vitest';
import { FRAME_INTERVAL, frameFigures } from './bench-frames';

describe('frameFigures', () => {
  it('times each input to its own frame painted, and counts a frame late only when it ends after the next frame began', () => {
    const frames = [
      { start: 0, input: 1, done: 9 },
      // Painted 15 ms after its input, but within its frame: not late.
      { start: 100, input: 101, done: 116 },
      // Past the next frame's start.
      { start: 200, input: 201, done: 200 + FRAME_INTERVAL + 0.5 },
    ];
    const figures = frameFigures(frames);
    expect(figures.n).toBe(3);
    expect(figures.median).toBe(15);
    expect(figures.late).toBe(1);
    expect(figures.early).toBe(0);
  });

  it('says how many inputs came before their frame began (their figure includes the wait)', () => {
    expect(frameFigures([{ start: 10, input: 4, done: 14 }]).early).toBe(1);
  });
});
