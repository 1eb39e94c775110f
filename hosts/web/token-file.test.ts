import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/test/temporary-store';
import { browserHostToken, TOKEN_FILE_NAME } from './token-file';

const folder = temporaryFolder();

describe('the browser host token', () => {
  it('is kept in the data folder, readable by its owner only, and comes back after a restart', () => {
    const dir = folder();
    const token = browserHostToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, TOKEN_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(browserHostToken(dir)).toBe(token);
  });

  it('is made anew when asked, or when the file holds something else', () => {
    const dir = folder();
    const token = browserHostToken(dir);
    const rotated = browserHostToken(dir, true);
    expect(rotated).not.toBe(token);
    expect(readFileSync(join(dir, TOKEN_FILE_NAME), 'utf8').trim()).toBe(rotated);
    writeFileSync(join(dir, TOKEN_FILE_NAME), 'short');
    expect(browserHostToken(dir)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('a data folder that cannot be written', () => {
  it('still gives a token for this run, and says it will not be kept', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a-file'), '');
    const notes: string[] = [];
    const token = browserHostToken(join(dir, 'a-file', 'inside'), false, (note) => notes.push(note));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(notes).toEqual([expect.stringMatching(/could not be kept in .*inside .* it works until the host stops/)]);
  });
});
