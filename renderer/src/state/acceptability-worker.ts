import type { FromWorker } from './acceptability-jobs';
import type { WorkerConnection } from './robustness.svelte';

/**
 * Starts the rank-acceptability worker. Vite bundles acceptability.worker.ts as an asset of its
 * own, served from the app's origin, so the Content-Security-Policy's script-src 'self' (which
 * worker-src falls back to) allows it. Kept apart from the state class so tests give it a fake.
 */
export function startAcceptabilityWorker(listen: (message: FromWorker) => void, failed: (message: string) => void): WorkerConnection {
  const worker = new Worker(new URL('./acceptability.worker.ts', import.meta.url), { type: 'module', name: 'acceptability' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => listen(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    failed(event.message || 'the worker script did not load');
  };
  return { post: (message) => worker.postMessage(message), stop: () => worker.terminate() };
}
