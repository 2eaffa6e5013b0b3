// One worker thread of `npm run sweep`: told the sweep once, then asked for chunks of seeds, over
// the same messages and by the same code as the lab's Web Worker (src/worker/sweepWorker.ts).
import { parentPort } from 'node:worker_threads';
import type { SweepRequest } from '../src/sweep/sweepProtocol';
import { sweepServer } from '../src/sweep/sweepServer';

const answer = sweepServer();

parentPort?.on('message', (request: SweepRequest) => {
  const reply = answer(request);
  if (reply) parentPort?.postMessage(reply);
});
