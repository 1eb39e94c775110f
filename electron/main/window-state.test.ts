import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/test/temporary-store';
import { DEFAULT_SETTINGS, readSettings, visibleBounds, writeSettings } from './window-state';

const folder = temporaryFolder();

describe('desktop settings', () => {
  it('round-trips bounds, maximised state and theme', () => {
    const file = join(folder(), 'desktop.json');
    const settings = { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true, theme: 'dark' as const };
    writeSettings(file, settings);
    expect(readSettings(file)).toEqual(settings);
  });

  it.each(['not json', '{"bounds":{"x":"a"}}', '{"theme":"purple"}'])('falls back to defaults for a damaged file: %s', (text) => {
    const file = join(folder(), 'desktop.json');
    writeFileSync(file, text);
    expect(readSettings(file)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to defaults when the file is missing', () => {
    expect(readSettings(join(folder(), 'none.json'))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('visibleBounds', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('keeps bounds that are on a display', () => {
    expect(visibleBounds({ x: 100, y: 100, width: 1000, height: 700 }, [display])).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
  });
  it('drops bounds left on a monitor that is gone', () => {
    expect(visibleBounds({ x: 2500, y: 100, width: 1000, height: 700 }, [display])).toBeUndefined();
  });
});
