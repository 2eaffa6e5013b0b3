// Runs an A/B comparison off the main thread: two replays of the same experiment, one policy apart.
import '../zodWithoutEval';
import { compare, type ComparisonRequest, type ComparisonResult } from '../compare/comparison';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ComparisonRequest>) => void) | null;
  postMessage(message: ComparisonResult): void;
}

declare const self: WorkerScope;

self.onmessage = (event) => {
  self.postMessage(compare(event.data));
};
