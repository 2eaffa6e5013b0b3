import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, Tracer, TRAFFIC_PER_FRAME, type Command, type Scenario } from '../index';
import type { Hop, RequestTrace, Simulation } from '../index';

const base = getBuiltInScenario('default') as Scenario;

/** A run with faults of every kind the tracer explains, at fixed times. */
const FAULTS: readonly (readonly [number, Command])[] = [
  [2_000, { type: 'setLinkLoss', linkId: 'lb~app-1', loss: 0.2 }],
  [3_000, { type: 'slowNode', nodeId: 'app-2', factor: 20 }],
  [4_000, { type: 'partitionLink', linkId: 'lb~app-3' }],
  [5_000, { type: 'crashNode', nodeId: 'db-1' }],
  [
    6_000,
    {
      type: 'rollOutConfig',
      mode: 'all-at-once',
      nodeIds: [],
      errorShare: 0.3,
      slowShare: 0,
      slowFactor: 1,
      canaryCount: 1,
      stageDelayMs: 1000,
    },
  ],
  [7_000, { type: 'crashNode', nodeId: 'app-4' }],
];

function run(seed: number, tracer: Tracer | null, untilMs: number, each?: (sim: Simulation) => void): Simulation {
  const sim = createSimulation(base, seed);
  sim.tracer = tracer;
  for (const [atMs, command] of FAULTS) {
    if (atMs > untilMs) break;
    for (let t = sim.nowMs; t < atMs; t = Math.min(atMs, t + 250)) {
      sim.runUntil(Math.min(atMs, t + 250));
      each?.(sim);
    }
    expect(sim.apply(command)).toEqual({ ok: true });
  }
  sim.runUntil(untilMs);
  each?.(sim);
  return sim;
}

describe('the flight recorder', () => {
  it('never changes the run: the same hash with every request followed and a search going', () => {
    for (const seed of [1, 2, 3]) {
      const plain = run(seed, null, 9_000).logHash();
      const tracer = new Tracer();
      tracer.sample(1);
      tracer.seek({ pick: 'failed' }, 0);
      const traced = run(seed, tracer, 9_000, () => {
        tracer.takeTraffic();
        tracer.takeTrace(0);
      }).logHash();
      expect(traced).toBe(plain);
    }
  });

  it('samples every Nth request, keeps a frame bounded, and gives hops that go forward in time', () => {
    const tracer = new Tracer();
    tracer.sample(10);
    const hops: Hop[] = [];
    const sim = createSimulation(base, 4);
    sim.tracer = tracer;
    sim.runUntil(2_000);
    const traffic = tracer.takeTraffic();
    hops.push(...traffic.hops);
    expect(traffic.everyN).toBe(10);
    expect(traffic.hops.length + traffic.marks.length).toBeLessThanOrEqual(TRAFFIC_PER_FRAME);
    const requests = new Set(hops.map((h) => h.request));
    // ~600 req/s for 2 s is ~1,200 requests: every 10th is ~120 followed, each with several hops.
    expect(requests.size).toBeGreaterThan(60);
    for (const hop of hops) expect(hop.arriveMs).toBeGreaterThanOrEqual(hop.departMs);
    const kinds = new Set(hops.map((h) => h.kind));
    expect([...kinds].sort()).toEqual(['answer', 'ask', 'reply', 'request']);
    // A bounded frame: a long stretch with every request followed drops the excess and counts it.
    tracer.sample(1);
    sim.runUntil(6_000);
    const flood = tracer.takeTraffic();
    expect(flood.hops.length + flood.marks.length).toBe(TRAFFIC_PER_FRAME);
    expect(flood.dropped).toBeGreaterThan(0);
  });

  it('shows messages stopping at a cut link, with the reason', () => {
    const tracer = new Tracer();
    tracer.sample(1);
    const sim = createSimulation(base, 5);
    sim.tracer = tracer;
    sim.runUntil(1_000);
    expect(sim.apply({ type: 'partitionLink', linkId: 'lb~app-1' })).toEqual({ ok: true });
    tracer.takeTraffic();
    sim.runUntil(1_200);
    const lost = tracer.takeTraffic().hops.filter((h) => h.lost);
    expect(lost.length).toBeGreaterThan(0);
    const topology = sim.topology();
    const names = lost.map((h) => `${topology.nodes[h.from]?.id}>${topology.nodes[h.to]?.id}`);
    expect(names).toContain('lb>app-1');
  });

  function traceOf(sim: Simulation, tracer: Tracer, limitMs: number): RequestTrace {
    for (let t = sim.nowMs; t < limitMs; t += 100) {
      sim.runUntil(t + 100);
      const found = tracer.takeTrace(sim.nowMs);
      if (found) return found;
    }
    throw new Error('no trace');
  }

  it('traces the next request from issue to reply, and says where its time went', () => {
    const tracer = new Tracer();
    const sim = createSimulation(base, 6);
    sim.tracer = tracer;
    sim.runUntil(500);
    tracer.seek({ pick: 'next' }, sim.nowMs);
    const trace = traceOf(sim, tracer, 5_000);
    const story = trace.story;
    expect(story?.ok).toBe(true);
    const types = story?.steps.map((s) => s.type) ?? [];
    expect(types[0]).toBe('attemptStarted');
    expect(types).toContain('serviceStarted');
    expect(types).toContain('serviceDone');
    expect(types.at(-1)).toBe('finished');
    expect(story?.why).toMatch(/^Served in [\d.]+ ms after 1 attempt; the largest part was /);
  });

  it('traces a failed request and names its cause', () => {
    const tracer = new Tracer();
    const sim = createSimulation(base, 7);
    sim.tracer = tracer;
    sim.runUntil(500);
    for (const node of ['app-1', 'app-2', 'app-3', 'app-4'])
      expect(sim.apply({ type: 'partitionLink', linkId: `lb~${node}` })).toEqual({ ok: true });
    tracer.seek({ pick: 'failed' }, sim.nowMs);
    const trace = traceOf(sim, tracer, 20_000);
    expect(trace.story?.ok).toBe(false);
    // Before the health checks notice, attempts die at a cut link; after, the balancer has no server.
    expect(trace.story?.why).toMatch(
      /^Failed after \d attempts: its last attempt (timed out because its request was lost: the link lb–app-\d is cut|got an unavailable reply)/,
    );
  });

  it('traces a slow request and reports none when nothing matches in time', () => {
    const tracer = new Tracer();
    const sim = createSimulation(base, 8);
    sim.tracer = tracer;
    sim.runUntil(500);
    expect(sim.apply({ type: 'slowNode', nodeId: 'app-2', factor: 30 })).toEqual({ ok: true });
    tracer.seek({ pick: 'slow', slowerThanMs: 150 }, sim.nowMs);
    const slow = traceOf(sim, tracer, 10_000);
    expect(slow.story?.ok).toBe(true);
    expect((slow.story?.endMs ?? 0) - (slow.story?.startMs ?? 0)).toBeGreaterThanOrEqual(150);
    // A healthy run has no failed request in a minute: the search ends and says so.
    const healthy = createSimulation(base, 8);
    healthy.tracer = tracer;
    tracer.seek({ pick: 'failed' }, 0);
    const none = traceOf(healthy, tracer, 70_000);
    expect(none.story).toBeNull();
    expect(none.searchedMs).toBeGreaterThan(60_000);
  });

  it('is not copied into a clone', () => {
    const sim = createSimulation(base, 9);
    const tracer = new Tracer();
    sim.tracer = tracer;
    expect(sim.clone().tracer).toBeNull();
    expect(sim.tracer).toBe(tracer);
  });
});
