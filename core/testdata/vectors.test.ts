import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedVectors } from './vectors';

describe('published vectors', () => {
  const shared = join(import.meta.dirname, '../../../shared/testdata/published-vectors.json');
  it.skipIf(!existsSync(shared))('the copy in core/testdata matches shared/testdata', () => {
    expect(publishedVectors).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });
});
