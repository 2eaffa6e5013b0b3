// One worker of the lab's sweep pool: prepares the sweep once, then runs chunks of seeds.
import '../zodWithoutEval';
import type { SweepReply, SweepRequest } from '../sweep/sweepProtocol';
import { sweepServer } from '../sweep/sweepServer';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SweepRequest>) => void) | null;
  postMessage(message: SweepReply): void;
}

declare const self: WorkerScope;

const answer = sweepServer();

self.onmessage = (event) => {
  const reply = answer(event.data);
  if (reply) self.postMessage(reply);
};
