// Scaling in a running simulation: slots that start absent change nothing, an added app server
// serves after its provisioning delay, a drained one finishes its requests and a stopped one drops
// them, machine-seconds add up exactly, and commands that cannot work are refused with reasons.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from '../index';
import { scalable } from './scalableScenario';

const base = getBuiltInScenario('default') as Scenario;

function statusOf(sim: ReturnType<typeof createSimulation>, id: string): string | undefined {
  return sim.snapshot().nodes.find((n) => n.id === id)?.status;
}

function ok(sim: ReturnType<typeof createSimulation>, command: unknown): void {
  const result = sim.apply(command, { refuseNoChange: true });
  expect(result).toEqual({ ok: true });
}

describe('slots that start absent', () => {
  it('are in the topology but absent, and never probed, rotated or logged', () => {
    const sim = createSimulation(scalable(), 7);
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    expect(snap.nodes.filter((n) => n.kind === 'app').map((n) => n.status)).toEqual([
      ...Array<string>(4).fill('up'),
      ...Array<string>(4).fill('absent'),
    ]);
    expect(snap.nodes.filter((n) => n.status === 'absent').map((n) => n.id)).toEqual([
      'app-5',
      'app-6',
      'app-7',
      'app-8',
      'db-7',
      'db-8',
      'db-9',
    ]);
    expect(snap.recentEvents.filter((e) => /app-[5-8]|db-[7-9]/.test(e.target))).toEqual([]);
    expect(snap.durability.underReplicatedPartitions).toBe(0);
    for (const node of snap.nodes.filter((n) => n.status === 'absent'))
      expect(node.disks.every((d) => d.replicas === 0)).toBe(true);
    expect(snap.cumulative.failed).toBe(0);
    expect(snap.cumulative.serverBusyShare).toBeGreaterThan(0.2); // capacity counts the 4 servers, not 8
  });

  it('serve the same requests as a cluster without room to scale', () => {
    const plain = createSimulation(base, 7);
    const roomy = createSimulation(scalable(), 7);
    plain.runUntil(30_000);
    roomy.runUntil(30_000);
    expect(roomy.snapshot().cumulative.succeeded).toBe(plain.snapshot().cumulative.succeeded);
    expect(roomy.snapshot().cumulative.latencyMs).toEqual(plain.snapshot().cumulative.latencyMs);
  });

  it('never fail in hardware', () => {
    const s = scalable();
    const hardware = {
      ...s.hardwareFaults,
      enabled: true,
      diskMttfHours: 20_000,
      nodeMttfHours: 5_000,
      timeCompression: 1_000_000,
    };
    const sim = createSimulation({ ...s, hardwareFaults: hardware }, 9);
    sim.runUntil(60_000);
    const snap = sim.snapshot();
    expect(snap.durability.nodeFailures + snap.durability.diskFailures).toBeGreaterThan(5);
    expect(snap.recentEvents.filter((e) => /app-[5-8]$|db-[7-9]$/.test(e.target))).toEqual([]);
    expect(snap.nodes.filter((n) => n.status === 'absent')).toHaveLength(7);
  });

  it('refuse faults aimed at them, naming the node', () => {
    const sim = createSimulation(scalable(), 7);
    expect(sim.apply({ type: 'crashNode', nodeId: 'app-5' })).toEqual({ ok: false, error: 'app-5 has not been added' });
    expect(sim.apply({ type: 'failDisk', nodeId: 'db-8', disk: 0 })).toEqual({
      ok: false,
      error: 'db-8 has not been added',
    });
    expect(sim.apply({ type: 'partitionLink', linkId: 'lb~app-6' })).toEqual({
      ok: false,
      error: 'app-6 has not been added',
    });
    expect(sim.apply({ type: 'slowNode', nodeId: 'app-8', factor: 3 }).ok).toBe(false);
    expect(sim.apply({ type: 'partitionGroup', nodeIds: ['app-1', 'db-9'] }).ok).toBe(false);
    expect(sim.apply({ type: 'removeNode', nodeId: 'app-5', mode: 'drain' })).toEqual({
      ok: false,
      error: 'app-5 has not been added',
    });
  });
});

describe('adding an app server', () => {
  it('serves after the provisioning delay and brings the p99 down under load', () => {
    const run = (add: boolean) => {
      const sim = createSimulation(scalable({}, 1700), 3);
      sim.runUntil(10_000);
      if (add) {
        ok(sim, { type: 'addNode', tier: 'app' });
        ok(sim, { type: 'addNode', tier: 'app' });
        expect(statusOf(sim, 'app-5')).toBe('starting');
        sim.runUntil(14_999);
        expect(statusOf(sim, 'app-5')).toBe('starting');
      }
      sim.runUntil(15_001);
      if (add) expect(sim.snapshot().nodes.find((n) => n.id === 'app-5')?.inRotation).toBe(true);
      sim.runUntil(40_000);
      const windows = sim.snapshot().windows.filter((w) => w.startMs >= 20_000);
      return Math.max(...windows.map((w) => w.latencyMs.p99));
    };
    const without = run(false);
    const withTwoMore = run(true);
    expect(withTwoMore).toBeLessThan(without / 2);
  });

  it('notes the addition and the moment it serves', () => {
    const sim = createSimulation(scalable(), 3);
    sim.runUntil(1_000);
    ok(sim, { type: 'addNode', tier: 'app' });
    sim.runUntil(7_000);
    const events = sim.snapshot().recentEvents.filter((e) => e.target === 'app-5');
    expect(events.map((e) => [e.type, e.timeMs, e.cause])).toEqual([
      ['nodeAdded', 1_000, 'user'],
      ['nodeReady', 6_000, 'auto'],
    ]);
    expect(sim.snapshot().window?.appServersUp).toBe(5);
  });

  it('is refused once the tier is full', () => {
    const sim = createSimulation(scalable({ maxAppServers: 5 }), 3);
    ok(sim, { type: 'addNode', tier: 'app' });
    expect(sim.apply({ type: 'addNode', tier: 'app' })).toEqual({
      ok: false,
      error: 'the tier already has its 5 app servers (scaling.maxAppServers)',
    });
  });
});

describe('removing an app server', () => {
  it('by draining finishes every request it held: nothing fails', () => {
    const sim = createSimulation(scalable({}, 1200), 5);
    sim.runUntil(10_000);
    ok(sim, { type: 'removeNode', nodeId: 'app-2', mode: 'drain' });
    expect(sim.snapshot().nodes.find((n) => n.id === 'app-2')?.draining).toBe(true);
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    expect(statusOf(sim, 'app-2')).toBe('absent');
    expect(snap.cumulative.failed).toBe(0);
    expect(snap.cumulative.timedOut).toBe(0);
    expect(snap.recentEvents.filter((e) => e.target === 'app-2').map((e) => e.type)).toEqual([
      'nodeDraining',
      'nodeRemoved',
    ]);
  });

  it('by stopping drops what it held: those attempts time out', () => {
    const sim = createSimulation(scalable({}, 1200), 5);
    sim.runUntil(10_000);
    ok(sim, { type: 'removeNode', nodeId: 'app-2', mode: 'stop' });
    expect(statusOf(sim, 'app-2')).toBe('absent');
    sim.runUntil(20_000);
    expect(sim.snapshot().cumulative.timedOut).toBeGreaterThan(0);
  });

  it('is refused for the last server serving', () => {
    const sim = createSimulation(scalable(), 5);
    for (const id of ['app-1', 'app-2', 'app-3']) ok(sim, { type: 'removeNode', nodeId: id, mode: 'stop' });
    expect(sim.apply({ type: 'removeNode', nodeId: 'app-4', mode: 'drain' })).toEqual({
      ok: false,
      error: 'app-4 is the last app server serving; add another before removing it',
    });
    expect(sim.apply({ type: 'removeNode', nodeId: 'lb', mode: 'drain' }).ok).toBe(false);
  });
});

describe('the frame', () => {
  it('shows draining servers, machine speeds and the tier sizes', () => {
    const sim = createSimulation(scalable({}, 1200), 5);
    sim.runUntil(5_000);
    ok(sim, { type: 'scaleUp', tier: 'storage', factor: 2 });
    ok(sim, { type: 'addNode', tier: 'app' });
    ok(sim, { type: 'removeNode', nodeId: 'app-2', mode: 'drain' });
    const ids = sim.topology().nodes.map((n) => n.id);
    const frame = sim.frame(-1, Number.POSITIVE_INFINITY, 0);
    expect(frame.nodeDraining[ids.indexOf('app-2')]).toBe(1);
    expect(frame.nodeSpeed[ids.indexOf('db-1')]).toBe(2);
    expect(frame.nodeSpeed[ids.indexOf('db-9')]).toBe(2);
    expect(frame.nodeSpeed[ids.indexOf('app-1')]).toBe(1);
    expect(frame.scaling?.counts).toEqual({ app: 5, cache: 0, storage: 6 });
  });
});

describe('machine-seconds', () => {
  it('add up exactly for a scripted add and remove', () => {
    const sim = createSimulation(scalable({ provisioningMs: 2_000 }), 1);
    sim.runUntil(10_000);
    ok(sim, { type: 'addNode', tier: 'app' }); // app-5 from 10 s
    ok(sim, { type: 'addNode', tier: 'storage' }); // db-7 from 10 s
    sim.runUntil(30_000);
    ok(sim, { type: 'removeNode', nodeId: 'app-5', mode: 'stop' }); // until 30 s
    sim.runUntil(40_000);
    const scaling = sim.snapshot().scaling;
    expect(scaling?.machineSeconds).toEqual({ balancer: 40, app: 4 * 40 + 20, cache: 0, storage: 6 * 40 + 30 });
    expect(scaling?.counts).toEqual({ app: 4, cache: 0, storage: 7 });
  });
});

describe('scaling up', () => {
  it('makes service faster and is refused when nothing would change', () => {
    const run = (factor: number) => {
      const sim = createSimulation(scalable(), 2);
      if (factor !== 1) ok(sim, { type: 'scaleUp', tier: 'app', factor });
      sim.runUntil(20_000);
      return sim.snapshot();
    };
    const snap = run(2);
    expect(snap.nodes.find((n) => n.id === 'app-1')?.speedFactor).toBe(2);
    expect(snap.cumulative.serverBusyShare).toBeLessThan(run(1).cumulative.serverBusyShare * 0.6);
    const sim = createSimulation(scalable(), 2);
    expect(sim.apply({ type: 'scaleUp', tier: 'app', factor: 1 }, { refuseNoChange: true })).toEqual({
      ok: false,
      error: 'the app servers already run at 1x',
    });
  });
});

describe('without room to scale', () => {
  it('scaling commands are refused', () => {
    const sim = createSimulation(base, 1);
    expect(sim.apply({ type: 'addNode', tier: 'app' })).toEqual({
      ok: false,
      error: 'this scenario has no room to scale (scaling)',
    });
  });
});
