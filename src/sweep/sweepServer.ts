// What a sweep worker does with each message, for the lab's Web Workers and the command line's
// worker threads alike: prepare the sweep once, then run chunks of seeds. Errors become replies.
import { runSeeds } from './runSeed';
import type { SweepReply, SweepRequest } from './sweepProtocol';
import { prepareSweep, type PreparedSweep } from './sweepSpec';

export function sweepServer(): (request: SweepRequest) => SweepReply | null {
  let sweep: PreparedSweep | null = null;
  let refusal = 'the sweep was not prepared';
  const answer = (request: SweepRequest): SweepReply | null => {
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
  };
  return (request) => {
    try {
      return answer(request);
    } catch (error) {
      return { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  };
}
