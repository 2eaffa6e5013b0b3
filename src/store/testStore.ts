// For store tests: a lab store on an in-process worker, ready once its first frame has arrived,
// and Step pressed n times.
import { createInProcessPort } from '../worker/ports';
import { createAppStore } from './appStore';

export async function inProcessStore() {
  const app = createAppStore(createInProcessPort());
  await Promise.resolve();
  await Promise.resolve();
  return app;
}

export type TestStore = Awaited<ReturnType<typeof inProcessStore>>;

export function steps(app: TestStore, n: number): void {
  for (let i = 0; i < n; i++) app.getState().actions.step();
}
