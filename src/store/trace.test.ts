// "Trace a request" through the store: searching, then the request found; a new run clears it.
// Traffic goes to the feed's subscribers, not into the store's state.
import { describe, expect, it } from 'vitest';
import { createInProcessPort } from '../worker/ports';
import { createAppStore } from './appStore';
import type { Traffic } from '../sim/index';

describe('tracing and following requests from the store', () => {
  it('finds the next request after a step, and a reset clears the trace', async () => {
    const store = createAppStore(createInProcessPort());
    await Promise.resolve();
    store.getState().actions.traceRequest({ pick: 'next' });
    expect(store.getState().trace).toEqual({ status: 'searching', wish: { pick: 'next' } });
    store.getState().actions.step();
    const trace = store.getState().trace;
    expect(trace?.status).toBe('found');
    expect(trace?.status === 'found' && trace.trace.story?.why).toMatch(/^Served in /);
    store.getState().actions.reset();
    expect(store.getState().trace).toBeNull();
  });

  it('publishes the followed requests to subscribers while asked', async () => {
    const store = createAppStore(createInProcessPort());
    await Promise.resolve();
    const seen: Traffic[] = [];
    const stop = store.getState().traffic.subscribe((traffic) => seen.push(traffic));
    const stateBefore = store.getState().traffic;
    store.getState().actions.followRequests(3);
    store.getState().actions.play();
    store.getState().actions.advanceTo(1_000, 150_000);
    stop();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]?.everyN).toBe(3);
    expect(seen.flatMap((t) => t.hops).length).toBeGreaterThan(20);
    expect(store.getState().traffic).toBe(stateBefore);
  });
});
