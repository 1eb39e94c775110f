import vectors from './published-vectors.json' with { type: 'json' };

/** Published worked examples (a copy of shared/testdata, checked against it by a test). */
export const publishedVectors = vectors;

export function vector(id: string) {
  const found = vectors.vectors.find((v) => v.id === id);
  if (!found) throw new Error(`no published vector "${id}"`);
  return found;
}
