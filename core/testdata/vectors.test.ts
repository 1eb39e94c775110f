import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedVectors } from './vectors';

/**
 * The published vectors are the project's own test data (copied from the team's shared folder,
 * which a clone does not have). Each must say where it comes from, and each must be reproduced by
 * some test: one that no test reads is a claim nobody checks.
 */
const root = join(import.meta.dirname, '..', '..');
/** Vectors kept for a method the app does not offer, with the reason. */
const NOT_REPRODUCED: Record<string, string> = {
  'weighted-product': 'the app scores by weighted sum only; kept to show the two methods rank differently',
};

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist' ? [] : testFiles(path);
    return /\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('published vectors', () => {
  it('each names its source and method', () => {
    for (const v of publishedVectors.vectors) {
      expect(v.source, v.id).toMatch(/\w{4,}/);
      expect(v.method, v.id).toMatch(/\w{4,}/);
    }
  });

  it('each is reproduced by a test, unless listed with the reason it is not', () => {
    const files = testFiles(root).filter((f) => !f.endsWith(join('core', 'testdata', 'vectors.test.ts')));
    const readers = new Map<string, string[]>();
    for (const file of files) {
      for (const [, id] of readFileSync(file, 'utf8').matchAll(/vector\('([\w-]+)'\)/g)) readers.set(id, [...(readers.get(id) ?? []), relative(root, file)]);
    }
    const ids = publishedVectors.vectors.map((v) => v.id);
    expect(ids.filter((id) => !readers.has(id) && !(id in NOT_REPRODUCED))).toEqual([]);
    // A vector that a test now reproduces comes off the list.
    expect(Object.keys(NOT_REPRODUCED).filter((id) => readers.has(id) || !ids.includes(id))).toEqual([]);
  });
});
