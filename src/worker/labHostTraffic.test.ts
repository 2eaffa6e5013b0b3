// The worker follows sampled requests only when the page asks, sends their messages with the
// frames, answers a trace request once, and none of it changes the run's hash.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, type Scenario } from '../sim/index';
import { LabHost } from './labHost';
import type { LabReply, LabRequest } from './labProtocol';

const scenario = getBuiltInScenario('default') as Scenario;

function harness() {
  const replies: LabReply[] = [];
  const tasks: (() => void)[] = [];
  let now = 0;
  const host = new LabHost(
    (reply) => replies.push(reply),
    () => (now += 1),
    (task) => tasks.push(task),
  );
  const post = (request: LabRequest) => {
    host.handle(request);
    while (tasks.length > 0) (tasks.shift() as () => void)();
  };
  return { replies, post };
}

const frames = (replies: LabReply[]) => replies.filter((r) => r.type === 'frame');

describe('traffic and traces from the worker', () => {
  it('sends traffic only while asked, and the same hash either way', () => {
    const watched = harness();
    const plain = harness();
    for (const h of [watched, plain]) h.post({ type: 'load', runId: 1, scenario, seed: 2 });
    watched.post({ type: 'watch', runId: 1, everyN: 5 });
    for (let t = 100; t <= 3_000; t += 100)
      for (const h of [watched, plain]) h.post({ type: 'advance', runId: 1, untilMs: t, maxEvents: 150_000 });
    const withTraffic = frames(watched.replies);
    expect(withTraffic.every((r) => r.type === 'frame' && r.traffic?.everyN === 5)).toBe(true);
    expect(withTraffic.some((r) => r.type === 'frame' && (r.traffic?.hops.length ?? 0) > 0)).toBe(true);
    expect(frames(plain.replies).every((r) => r.type === 'frame' && r.traffic === undefined)).toBe(true);
    const last = (h: ReturnType<typeof harness>) => {
      const f = frames(h.replies).at(-1);
      return f?.type === 'frame' ? f.frame.logHash : '';
    };
    expect(last(watched)).toBe(last(plain));
    // Stopping: frames come without traffic again.
    watched.post({ type: 'watch', runId: 1, everyN: 0 });
    watched.post({ type: 'advance', runId: 1, untilMs: 3_100, maxEvents: 150_000 });
    const after = frames(watched.replies).at(-1);
    expect(after?.type === 'frame' && after.traffic).toBeUndefined();
  });

  it('answers a trace request with the next request whole', () => {
    const h = harness();
    h.post({ type: 'load', runId: 1, scenario, seed: 3 });
    h.post({ type: 'advance', runId: 1, untilMs: 500, maxEvents: 150_000 });
    h.post({ type: 'trace', runId: 1, wish: { pick: 'next' } });
    for (let t = 600; t <= 2_000; t += 100) h.post({ type: 'advance', runId: 1, untilMs: t, maxEvents: 150_000 });
    const traces = h.replies.filter((r) => r.type === 'trace');
    expect(traces).toHaveLength(1);
    const trace = traces[0];
    expect(trace?.type === 'trace' && trace.trace.story?.ok).toBe(true);
  });
});
