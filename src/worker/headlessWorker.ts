// Runs a whole simulation off the main thread and reports its log hash, so the page can show
// that the browser and Node (scripts/sim.ts) produce the same run from the same seed.
import '../zodWithoutEval';
import { createSimulation, getBuiltInScenario } from '../sim/index';
import type { RunRequest, WorkerReply, WorkerRequest } from './protocol';

/** The slice of DedicatedWorkerGlobalScope we use; the app's tsconfig has the DOM lib, not WebWorker. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

declare const self: WorkerScope;

function run(request: RunRequest): WorkerReply {
  const scenario = getBuiltInScenario(request.scenarioId);
  if (!scenario) return { type: 'error', message: `Unknown scenario "${request.scenarioId}".` };
  const sim = createSimulation(scenario, request.seed);
  sim.runUntil(request.durationS * 1000, Number.POSITIVE_INFINITY);
  const snap = sim.snapshot();
  const { issued, succeeded, failed } = snap.cumulative;
  return { type: 'result', logHash: snap.logHash, events: snap.events, issued, succeeded, failed };
}

self.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'run': {
      let reply: WorkerReply;
      try {
        reply = run(request);
      } catch (error) {
        reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
      }
      self.postMessage(reply);
      return;
    }
    default: {
      const unknown: never = request.type;
      self.postMessage({ type: 'error', message: `Unknown request ${String(unknown)}.` });
    }
  }
};
