// The two ways to reach the simulation: a real Web Worker (the app), or in-process (store tests).
import { LabHost, type Schedule } from './labHost';
import type { LabReply, SimPort } from './labProtocol';
import { immediateSchedule } from './schedulers';

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

/**
 * Runs the simulation on the calling thread. By default replies are delivered synchronously (the
 * clock stands still, so every job ends in its first slice); tests that look at slices pass a
 * clock and a schedule they drive themselves.
 */
export function createInProcessPort(clock: () => number = () => 0, schedule: Schedule = immediateSchedule()): SimPort {
  let listener: (reply: LabReply) => void = () => {};
  const host = new LabHost((reply) => listener(reply), clock, schedule);
  return {
    post: (request) => host.handle(request),
    onReply: (l) => {
      listener = l;
    },
    close: () => {},
  };
}

/**
 * An in-process port for tests that look at slices: the worker's slices wait until the test runs
 * them, and its clock moves 10 ms at each reading, so a long job spans many slices.
 */
export function createSteppedPort() {
  const slices: (() => void)[] = [];
  let nowMs = 0;
  const port = createInProcessPort(
    () => (nowMs += 10),
    (task) => slices.push(task),
  );
  return {
    port,
    /** Runs up to `count` waiting slices; returns how many are still waiting. */
    runSlices(count: number): number {
      for (let i = 0; i < count && slices.length > 0; i++) (slices.shift() as () => void)();
      return slices.length;
    },
  };
}
