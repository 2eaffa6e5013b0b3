// Asks a fresh worker for an A/B comparison and hands back its result once.
import type { ComparisonRequest, ComparisonResult } from '../../compare/comparison';

export function runComparison(request: ComparisonRequest): Promise<ComparisonResult> {
  const worker = new Worker(new URL('../../worker/compareWorker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<ComparisonResult>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      resolve({ ok: false, error: event.message || 'The comparison stopped unexpectedly.' });
      worker.terminate();
    };
    worker.postMessage(request);
  });
}
