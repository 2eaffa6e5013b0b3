// The element's way to the simulation: the same lab worker as the app, but inlined into the
// module (Vite's `?worker&inline`, started from a blob URL), so one script tag brings all of it.
import LabWorker from '../worker/labWorker?worker&inline';
import type { LabReply, SimPort } from '../worker/labProtocol';

export function createInlineWorkerPort(): SimPort {
  const worker = new LabWorker();
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.onmessage = (event: MessageEvent<LabReply>) => listener(event.data);
    },
    close: () => worker.terminate(),
  };
}
