import { acceptabilityWorker, type ToWorker } from './acceptability-jobs';

/**
 * The rank-acceptability worker (started by acceptability-worker.ts). Between slices of draws it
 * yields through a MessageChannel: that message is queued behind any job or cancel the app posted
 * while the slice ran, so the stale run sees it at its next slice and stops. (A timeout would do
 * the same but is clamped to 4 ms once nested, which would add up over a run.)
 */
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

const handle = acceptabilityWorker({
  post: (message) => self.postMessage(message),
  later: (next) => {
    queued.push(next);
    channel.port2.postMessage(null);
  },
  now: () => performance.now(),
});

self.addEventListener('message', (event: MessageEvent<ToWorker>) => handle(event.data));
