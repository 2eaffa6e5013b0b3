// The page's way to rebuild a lesson step: a worker of its own for each rebuild, ended when the
// rebuild is cancelled (a newer link, Cancel, Escape), so the page never waits on it.
import type { Rebuilder } from '../../lessons/rebuild';
import type { LessonWorkerReply } from '../../worker/lessonWorker';

export const rebuildInWorker: Rebuilder = (request, { onProgress, onDone, onError }) => {
  const worker = new Worker(new URL('../../worker/lessonWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LessonWorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') return onProgress(reply.stepsDone);
    worker.terminate();
    if (reply.type === 'done') onDone(reply.result);
    else onError(reply.message);
  };
  worker.onerror = (event) => {
    worker.terminate();
    onError(event.message || 'Rebuilding the earlier steps stopped unexpectedly.');
  };
  worker.postMessage(request);
  return { cancel: () => worker.terminate() };
};
