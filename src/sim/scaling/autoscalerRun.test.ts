// The autoscaler in the running simulation: it scales the app tier out under a load spike and in
// after it, each change an event in the log; setAutoscaler turns it on and off; runs with
// scaling replay exactly, and one of them is pinned as a golden hash.
import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../index';
import { scalable } from './scalableScenario';

const policy = {
  mode: 'utilization',
  targetUtilization: 0.6,
  minSize: 2,
  maxSize: 8,
  evaluationIntervalMs: 5_000,
  cooldownMs: 0,
  provisioningDelayMs: 5_000,
  scaleInStabilizationMs: 20_000,
} as const;

function spiky(): Scenario {
  const s = scalable({ autoscaler: { ...policy, tolerance: 0.1, scaleInMaxStep: 1000, scaleInMaxShare: 1 } });
  return { ...s, schedule: [{ atMs: 30_000, command: { type: 'spikeLoad', multiplier: 3, durationMs: 40_000 } }] };
}

describe('the autoscaler closes the loop', () => {
  it('scales out under a spike and back in after it, noting each decision', () => {
    const sim = createSimulation(spiky(), 11);
    sim.runUntil(150_000);
    const snap = sim.snapshot();
    const up = snap.windows.map((w) => w.appServersUp ?? 0);
    const during = Math.max(
      ...snap.windows.filter((w) => w.endMs > 40_000 && w.endMs <= 70_000).map((w) => w.appServersUp ?? 0),
    );
    expect(during).toBeGreaterThanOrEqual(7);
    expect(up.at(-1)).toBeLessThanOrEqual(4);
    const decisions = snap.recentEvents.filter((e) => e.type === 'autoscalerDecision');
    expect(decisions.every((e) => e.cause === 'auto')).toBe(true);
    expect(decisions.some((e) => e.detail.includes('adding'))).toBe(true);
    expect(decisions.some((e) => e.detail.includes('removing'))).toBe(true);
    expect(snap.scaling?.autoscaler?.enabled).toBe(true);
    expect(snap.scaling?.autoscaler?.lastDecision).toMatch(/^Autoscaler: utilization/);
    // Scale-in drains: nothing fails because of it.
    expect(snap.recentEvents.some((e) => e.type === 'nodeDraining')).toBe(true);
    // Serving more servers for a while costs more than the 4 it started with, less than 8 throughout.
    const app = snap.scaling?.machineSeconds.app ?? 0;
    expect(app).toBeGreaterThan(0);
    expect(app).toBeLessThan(8 * 150);
  });

  it('is turned on and off by setAutoscaler, and refused a maximum the tier cannot reach', () => {
    const sim = createSimulation(scalable({}, 300), 2);
    expect(sim.apply({ type: 'setAutoscaler', policy: null }, { refuseNoChange: true })).toEqual({
      ok: false,
      error: 'the autoscaler is already off',
    });
    expect(sim.apply({ type: 'setAutoscaler', policy: { ...policy, maxSize: 9 } })).toEqual({
      ok: false,
      error: 'policy.maxSize: 9 is more than the 8 app servers the tier may grow to (scaling.maxAppServers)',
    });
    expect(sim.apply({ type: 'setAutoscaler', policy })).toEqual({ ok: true });
    sim.runUntil(60_000);
    const snap = sim.snapshot();
    expect(snap.recentEvents.find((e) => e.type === 'autoscalerSet')?.detail).toMatch(
      /^autoscaler on: target utilization 60%/,
    );
    // Low load: after the stabilization window it scales in towards its minimum.
    expect(snap.window?.appServersUp).toBeLessThan(4);
    expect(sim.apply({ type: 'setAutoscaler', policy: null })).toEqual({ ok: true });
    expect(sim.snapshot().scaling?.autoscaler).toBeNull();
  });
});

describe('runs with scaling replay exactly', () => {
  const script = (sim: ReturnType<typeof createSimulation>) => {
    sim.runUntil(3_000);
    sim.apply({ type: 'addNode', tier: 'app' });
    sim.apply({ type: 'addNode', tier: 'storage' });
    sim.runUntil(9_000);
    sim.apply({ type: 'removeNode', nodeId: 'app-1', mode: 'drain' });
    sim.apply({ type: 'scaleUp', tier: 'storage', factor: 2 });
    sim.runUntil(40_000);
    return sim.logHash();
  };

  it('the same seed and commands give the same hash; a clone continues the same', () => {
    const a = createSimulation(spiky(), 5);
    const b = createSimulation(spiky(), 5);
    expect(script(a)).toBe(script(b));
    const twin = a.clone();
    a.runUntil(80_000);
    twin.runUntil(80_000);
    expect(twin.logHash()).toBe(a.logHash());
  });

  it('keeps its published fingerprint', () => {
    expect(script(createSimulation(spiky(), 7))).toBe('763ddfb573b4bd80');
  });
});
