// A burst of host seeks costs the lab one: only the latest waits, on one timer, and a seek ahead
// of a busy run waits for its answer instead of being dropped.
import { describe, expect, it } from 'vitest';
import type { LabRequest } from '../../worker/labProtocol';
import { createInProcessPort } from '../../worker/ports';
import { createAppStore } from '../../store/appStore';
import { createJumpWaiter } from './hostJumps';

async function setUp() {
  const port = createInProcessPort();
  const posted: LabRequest['type'][] = [];
  const post = (request: LabRequest) => {
    posted.push(request.type);
    port.post(request);
  };
  const store = createAppStore({ ...port, post });
  await Promise.resolve();
  const timers: (() => void)[] = [];
  const win = { setTimeout: (task: () => void) => timers.push(task) } as unknown as Window;
  const waiter = createJumpWaiter(store, () => {}, win);
  store.subscribe((s) => waiter.onStoreChange(s));
  return { store, posted, timers, waiter };
}

describe('host seeks', () => {
  it('a thousand seeks ahead wait on one timer and end at the last', async () => {
    const { store, posted, timers, waiter } = await setUp();
    for (let i = 1; i <= 1000; i++) waiter.wait({ type: 'faultline:seek', timeMs: i * 10 });
    expect(timers.length).toBe(1);
    timers.shift()?.();
    expect(store.getState().frame?.timeMs).toBe(10_000);
    expect(posted.filter((type) => type === 'advance').length).toBe(1);
  });

  it('a thousand seeks back rebuild the run once', async () => {
    const { store, posted, timers, waiter } = await setUp();
    store.getState().actions.advanceTo(10_000, Number.POSITIVE_INFINITY);
    posted.length = 0;
    for (let i = 0; i < 1000; i++) waiter.wait({ type: 'faultline:seek', timeMs: 5_000 + i });
    timers.shift()?.();
    expect(timers.length).toBe(0);
    expect(posted).toEqual(['load']);
    expect(store.getState().frame?.timeMs).toBe(5_999);
  });
});
