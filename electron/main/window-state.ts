import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The desktop window's size and position, and the chosen theme, kept in a small JSON file in the
 * data folder. Node only (no Electron), so it is unit-tested; a damaged file means defaults.
 */
const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

const settingsSchema = z.object({
  bounds: boundsSchema.optional(),
  maximized: z.boolean().default(false),
  theme: themeSchema.default('system'),
});
export type DesktopSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: DesktopSettings = { maximized: false, theme: 'system' };

export function readSettings(file: string): DesktopSettings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Keeps the window's settings; false when they cannot be written (a read-only data folder), which costs only the next start's window size. */
export function writeSettings(file: string, settings: DesktopSettings): boolean {
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, JSON.stringify(settings, null, 2));
    renameSync(partial, file);
    return true;
  } catch {
    return false;
  }
}

/** Saved bounds are used only if they still overlap a display by a usable amount (a monitor may be gone). */
export function visibleBounds(bounds: WindowBounds | undefined, displays: readonly WindowBounds[]): WindowBounds | undefined {
  if (!bounds) return undefined;
  const overlaps = displays.some((d) => {
    const width = Math.min(bounds.x + bounds.width, d.x + d.width) - Math.max(bounds.x, d.x);
    const height = Math.min(bounds.y + bounds.height, d.y + d.height) - Math.max(bounds.y, d.y);
    return width >= 100 && height >= 100;
  });
  return overlaps ? bounds : undefined;
}
