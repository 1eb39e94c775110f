import type { Page } from 'playwright-core';

/**
 * How the benchmarks time a slider input to its frame painted (bench.ts, bench-robustness.ts).
 *
 * Chromium delivers a pointer's moves at the start of a frame: it holds them until the next frame
 * begins and dispatches them just before that frame's animation frame callbacks, and a slider's
 * `input` event fires inside the move. So an input is sent (or, on a real drag, seen) at the start
 * of a frame, and timed to the end of that same frame's main-thread work (style, layout, paint,
 * the hand-off to the compositor): a message posted from an animation frame callback arrives once
 * the frame is done. Rasterising and showing the frame happen off the main thread and are not in
 * the figure. A frame is late when its work ends after the next frame's start (its own start, the
 * callback's timestamp, plus one interval): the input is then on screen a frame or more later.
 *
 * (Until 2 December the input went out as soon as the previous frame was done, at any point
 * between two frames, and was timed to the end of the next frame: that included the wait for the
 * next frame to begin, up to a whole interval of doing nothing, so the median was one frame
 * however little the input cost, and a sample could be over 16.7 ms with no frame late.)
 */
export interface FrameSample {
  /** The frame's start: its animation frame callbacks' timestamp. */
  start: number;
  /** When the input event was dispatched. */
  input: number;
  /** When the frame's main-thread work was done. */
  done: number;
}

/** Chromium's headless frame rate. */
export const FRAME_INTERVAL = 1000 / 60;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function frameFigures(frames: FrameSample[]) {
  const painted = frames.map((f) => f.done - f.input).sort((a, b) => a - b);
  return {
    n: frames.length,
    median: quantile(painted, 0.5),
    p95: quantile(painted, 0.95),
    max: painted.at(-1)!,
    late: frames.filter((f) => f.done - f.start > FRAME_INTERVAL).length,
    /** Inputs dispatched before their frame began (a real drag's, when Chromium did not hold them for a frame). */
    early: frames.filter((f) => f.input < f.start).length,
  };
}

/** One line: input -> that frame painted, and how many frames were late. */
export function frameSummary(frames: FrameSample[]): string {
  const f = frameFigures(frames);
  const early = f.early === 0 ? '' : `; ${f.early} inputs came before their frame began, so their figure includes the wait for it`;
  return (
    `input at a frame's start -> that frame painted (style, layout, paint; main thread): median ${f.median.toFixed(3)} ms, p95 ${f.p95.toFixed(3)} ms, max ${f.max.toFixed(3)} ms; ` +
    `frames late (painted after the next frame began): ${f.late} of ${f.n}${early} (target p95 <= 16.7 ms)`
  );
}

/**
 * A real drag: Playwright's mouse pressed on the slider and moved along it, `sweeps` times end to
 * end, 2 px a move. Every `input` the slider fires is timed to the end of the frame it lands in.
 */
export async function pointerDrag(page: Page, sliderLabel: string, sweeps: number): Promise<FrameSample[]> {
  const slider = page.getByRole('slider', { name: sliderLabel, exact: true }).first();
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.evaluate((sliderLabel) => {
    const frames: { start: number; input: number; done: number }[] = [];
    (window as unknown as { benchFrames: typeof frames }).benchFrames = frames;
    // On the window, capturing: before the app's own (delegated) listener runs.
    window.addEventListener(
      'input',
      (event) => {
        if ((event.target as HTMLElement).getAttribute('aria-label') !== sliderLabel) return;
        const input = performance.now();
        requestAnimationFrame((start) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => frames.push({ start, input, done: performance.now() });
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  }, sliderLabel);
  const y = box.y + box.height / 2;
  const left = box.x + 2;
  const right = box.x + box.width - 2;
  await page.mouse.move(left + (right - left) / 2, y);
  await page.mouse.down();
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const [from, to] = sweep % 2 === 0 ? [right, left] : [left, right];
    const moves = Math.floor(Math.abs(to - from) / 2);
    for (let k = 1; k <= moves; k++) await page.mouse.move(from + ((to - from) * k) / moves, y);
  }
  await page.mouse.up();
  // The last frame's message.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return page.evaluate(() => (window as unknown as { benchFrames: { start: number; input: number; done: number }[] }).benchFrames);
}
