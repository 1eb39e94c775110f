import type { DecisionDocument } from '../interchange';
import { pytorchVsTensorflow } from './pytorch-vs-tensorflow';

export interface Template {
  name: string;
  title: string;
  document: DecisionDocument;
}

/** Built-in decisions, the first one being what a new store is seeded with. */
export const templates: readonly Template[] = [
  { name: 'pytorch-vs-tensorflow', title: pytorchVsTensorflow.decision.title, document: pytorchVsTensorflow },
];

export function findTemplate(name: string): Template | undefined {
  return templates.find((t) => t.name === name);
}
