// Runs bulk-worker.ts from the sources (tests, `tsx`): a worker thread does not inherit tsx's loader.
// Built hosts start dist/node/bulk-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./bulk-worker.ts');
