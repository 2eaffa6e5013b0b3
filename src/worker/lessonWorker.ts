// Rebuilds a lesson's earlier steps off the main thread (a deep link to a late step of a lesson
// with a simulated year in it takes seconds), telling the page after each step.
import '../zodWithoutEval';
import { rebuildSteps, type RebuildRequest, type RebuiltSteps } from '../lessons/rebuild';

export type LessonWorkerReply =
  | { readonly type: 'progress'; readonly stepsDone: number }
  | { readonly type: 'done'; readonly result: RebuiltSteps }
  | { readonly type: 'error'; readonly message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<RebuildRequest>) => void) | null;
  postMessage(message: LessonWorkerReply): void;
}

declare const self: WorkerScope;

self.onmessage = (event) => {
  try {
    const result = rebuildSteps(event.data, (stepsDone) => self.postMessage({ type: 'progress', stepsDone }));
    self.postMessage({ type: 'done', result });
  } catch (error) {
    self.postMessage({ type: 'error', message: (error as Error).message });
  }
};
