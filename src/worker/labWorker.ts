// The Web Worker that hosts the lab's simulation, so the page never waits on it.
import '../zodWithoutEval';
import type { LabReply, LabRequest } from './labProtocol';
import { LabHost } from './labHost';
import { macrotaskSchedule } from './schedulers';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
  postMessage(message: LabReply): void;
}
declare const self: WorkerScope;

const host = new LabHost(
  (reply) => self.postMessage(reply),
  () => performance.now(),
  macrotaskSchedule(),
);
self.onmessage = (event) => host.handle(event.data);
