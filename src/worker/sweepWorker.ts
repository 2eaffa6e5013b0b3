// One worker of the lab's sweep pool: prepares the sweep once, then runs chunks of seeds.
import '../zodWithoutEval';
import { runSeeds } from '../sweep/runSeed';
import type { SweepReply, SweepRequest } from '../sweep/sweepProtocol';
import { prepareSweep, type PreparedSweep } from '../sweep/sweepSpec';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SweepRequest>) => void) | null;
  postMessage(message: SweepReply): void;
}

declare const self: WorkerScope;

let sweep: PreparedSweep | null = null;
let refusal = 'the sweep was not prepared';

function answer(request: SweepRequest): SweepReply | null {
  switch (request.type) {
    case 'prepare': {
      const prepared = prepareSweep(request.spec);
      sweep = prepared.ok ? prepared.value : null;
      refusal = prepared.ok ? '' : prepared.error;
      return null;
    }
    case 'run':
      if (sweep === null) return { type: 'error', message: refusal };
      return { type: 'rows', rows: runSeeds(sweep, request.from, request.to) };
    default: {
      const unknown: never = request;
      return { type: 'error', message: `unknown request ${JSON.stringify(unknown)}` };
    }
  }
}

self.onmessage = (event) => {
  let reply: SweepReply | null;
  try {
    reply = answer(event.data);
  } catch (error) {
    reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (reply) self.postMessage(reply);
};
