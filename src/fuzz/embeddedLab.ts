// The lab as a host page sees it, without a browser: the real store and host API, a fake window
// whose timers and parent the test holds, and the worker's slices run in-process on a schedule
// the test drives (one slice per call, with a fake clock), so a long catch-up can be cut short.
import type { LabMessage } from '../share/hostMessages';
import { createAppStore } from '../store/appStore';
import { startHostApi } from '../view/share/hostApi';
import { createSteppedPort } from '../worker/ports';

export const HOST = 'https://course.example.org';

export async function embeddedLab() {
  const { port, runSlices } = createSteppedPort();
  const store = createAppStore(port);
  await Promise.resolve();
  const timers: (() => void)[] = [];
  const told: LabMessage[] = [];
  const parent = { postMessage: (message: LabMessage) => told.push(message) };
  let listener: ((event: MessageEvent) => void) | null = null;
  const win = {
    parent,
    setTimeout: (task: () => void) => timers.push(task),
    addEventListener: (_type: string, l: (event: MessageEvent) => void) => (listener = l),
    removeEventListener: () => (listener = null),
  } as unknown as Window;
  const lab = {
    store,
    told,
    /** Runs up to `count` waiting slices of the worker's work; returns how many were left. */
    runSlices,
    /** Fires the host API's timers (coalesced seeks and loads wait on one). */
    runTimers(): void {
      for (let task = timers.shift(); task; task = timers.shift()) task();
    },
    send(data: unknown, origin = HOST, fromParent = true): void {
      listener?.({ data, origin, source: fromParent ? parent : {} } as MessageEvent);
    },
    stop: startHostApi(store, HOST, win),
  };
  lab.runSlices(100);
  return lab;
}
