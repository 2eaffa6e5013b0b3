// The two ways to reach the simulation: a real Web Worker (the app), or in-process (store tests).
import { LabHost } from './labHost';
import type { LabReply, SimPort } from './labProtocol';

export function createWorkerPort(): SimPort {
  const worker = new Worker(new URL('./labWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.onmessage = (event: MessageEvent<LabReply>) => listener(event.data);
    },
    close: () => worker.terminate(),
  };
}

/** Runs the simulation on the calling thread; replies are delivered synchronously. */
export function createInProcessPort(clock: () => number = () => 0): SimPort {
  let listener: (reply: LabReply) => void = () => {};
  const host = new LabHost((reply) => listener(reply), clock);
  return {
    post: (request) => host.handle(request),
    onReply: (l) => {
      listener = l;
    },
    close: () => {},
  };
}
