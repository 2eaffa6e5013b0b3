// Page side of the headless worker: one worker per run, terminated when it answers,
// so a new run never receives a stale reply.
import type { RunRequest, WorkerReply } from './protocol';

/** Starts a run in a fresh worker; returns a function that cancels it. */
export function startHeadlessRun(request: RunRequest, onReply: (reply: WorkerReply) => void): () => void {
  const worker = new Worker(new URL('./headlessWorker.ts', import.meta.url), { type: 'module' });
  const finish = (reply: WorkerReply) => {
    worker.terminate();
    onReply(reply);
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => finish(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ type: 'error', message: event.message || 'The worker failed to start.' });
  };
  worker.onmessageerror = () => finish({ type: 'error', message: 'The worker sent a message that could not be read.' });
  worker.postMessage(request);
  return () => worker.terminate();
}
