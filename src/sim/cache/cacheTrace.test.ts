// A followed request shows its cache lookups: the ask to the key's cache node and its answer
// (hops the picture animates), and a step saying hit, miss, expired or unreachable.
import { dataSystemWithoutLog } from '../scenarios/dataSystemWithoutLog';
import { describe, expect, it } from 'vitest';
import { createSimulation, Tracer } from '../index';
import type { TraceStep } from '../trace/traceTypes';

const base = dataSystemWithoutLog;

function lookupsOver(seed: number, crash: boolean): TraceStep[] {
  const tracer = new Tracer();
  tracer.sample(1);
  const sim = createSimulation(base, seed);
  sim.tracer = tracer;
  sim.runUntil(3000);
  if (crash) sim.apply({ type: 'crashNode', nodeId: 'cache-1' });
  const steps: TraceStep[] = [];
  for (let n = 0; n < 10; n++) {
    tracer.seek({ pick: 'next' }, sim.nowMs);
    sim.runUntil(sim.nowMs + 200);
    steps.push(...(tracer.takeTrace(sim.nowMs)?.story?.steps ?? []));
  }
  return steps.filter((s) => s.type === 'cacheLookup');
}

describe('tracing a read through the cache', () => {
  it('shows the lookup as hops to the cache node and its outcome', () => {
    const lookups = lookupsOver(1, false);
    expect(lookups.length).toBeGreaterThan(3);
    expect(lookups.some((s) => s.type === 'cacheLookup' && s.outcome === 'hit')).toBe(true);
  });

  it('says when the cache node could not be reached', () => {
    const outcomes = lookupsOver(2, true).map((s) => (s.type === 'cacheLookup' ? s.outcome : ''));
    expect(outcomes).toContain('unreachable');
  });

  it('never changes the run', () => {
    const plain = createSimulation(base, 3);
    plain.runUntil(4000);
    const traced = createSimulation(base, 3);
    const tracer = new Tracer();
    tracer.sample(1);
    traced.tracer = tracer;
    traced.runUntil(4000);
    expect(traced.logHash()).toBe(plain.logHash());
  });
});
