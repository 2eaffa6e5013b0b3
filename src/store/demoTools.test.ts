// Heal everything and Undo last action, driven through the store as the header and keys do.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, replay, type Command, type Scenario } from '../sim/index';
import { inProcessStore, steps, type TestStore } from './testStore';
import { healSteps } from './heal';
import { NOTHING_TO_UNDO } from './undo';

const setup = inProcessStore;
type App = TestStore;
const act = (app: App, command: Command) => app.getState().actions.apply(command, command.type);

function breakEverything(app: App) {
  const rack = app.getState().topology?.racks[2] as string;
  const accepted = () => app.getState().commandLog.length;
  const start = accepted();
  act(app, { type: 'crashNode', nodeId: 'db-1' });
  act(app, { type: 'partitionLink', linkId: 'lb~app-2' });
  act(app, { type: 'partitionGroup', nodeIds: ['db-2'] });
  act(app, { type: 'failDisk', nodeId: 'db-2', disk: 1 });
  act(app, { type: 'powerFailRack', rackId: rack, durationMs: 0, diskFailShare: 0 });
  act(app, { type: 'slowNode', nodeId: 'app-3', factor: 5 });
  act(app, { type: 'setLinkLoss', linkId: 'lb~app-4', loss: 0.2 });
  act(app, { type: 'setLinkLatency', linkId: 'clients~lb', extraMs: 100 });
  act(app, {
    type: 'rollOutConfig',
    mode: 'all-at-once',
    nodeIds: [],
    errorShare: 0.5,
    slowShare: 0,
    slowFactor: 1,
    canaryCount: 1,
    stageDelayMs: 0,
  });
  expect(accepted() - start).toBe(9);
}

describe('Heal everything', () => {
  it('brings every node up, heals every cut link and partition, replaces every failed disk', async () => {
    const app = await setup();
    steps(app, 2);
    breakEverything(app);
    steps(app, 1);
    const { frame: broken } = app.getState();
    expect([...(broken?.nodeStatus ?? [])].some((s) => s !== 0)).toBe(true);
    const logBefore = app.getState().commandLog.length;
    app.getState().actions.healEverything();
    const { frame, links, commandLog, announcement, topology } = app.getState();
    expect([...(frame?.nodeStatus ?? [])]).toEqual(new Array(12).fill(0));
    expect([...(links?.cut ?? [])].every((c) => c === 0)).toBe(true);
    expect([...(frame?.nodeSide ?? [])].every((s) => s === 0)).toBe(true);
    expect([...(frame?.diskStatus ?? [])].every((d) => d === 0)).toBe(true);
    expect([...(frame?.nodeSlow ?? [])].every((s) => s === 1)).toBe(true);
    expect([...(frame?.nodeBadConfig ?? [])].every((b) => b === 0)).toBe(true);
    expect([...(links?.loss ?? [])].every((l) => l === 0)).toBe(true);
    expect([...(links?.latencyMs ?? [])].every((l) => l === 0)).toBe(true);
    expect(healSteps(topology, frame, links)).toEqual([]);
    // Ordinary commands, at the current time: a shared link replays them.
    const healed = commandLog.slice(logBefore);
    expect(healed.map((c) => c.command.type)).toEqual([
      'restoreRackPower',
      'restartNode',
      'replaceDisk',
      'healAll',
      'setLinkLatency',
      'setLinkLoss',
      'slowNode',
      'rollBack',
    ]);
    expect(healed.every((c) => c.atMs === frame?.timeMs)).toBe(true);
    expect(announcement).toMatch(/^Heal everything: restore power to rack-/);
  });

  it('sends nothing when nothing is broken', async () => {
    const app = await setup();
    steps(app, 1);
    app.getState().actions.healEverything();
    expect(app.getState().commandLog).toEqual([]);
    expect(app.getState().announcement).toBe('Heal everything: nothing is broken.');
  });
});

describe('Undo last action', () => {
  const scenario = getBuiltInScenario('default') as Scenario;

  it('rebuilds the run without its last command, at the same simulated time', async () => {
    const app = await setup();
    steps(app, 2);
    act(app, { type: 'crashNode', nodeId: 'app-2' });
    steps(app, 2);
    act(app, { type: 'failDisk', nodeId: 'db-3', disk: 0 });
    steps(app, 3);
    const kept = app.getState().commandLog.slice(0, 1);
    app.getState().actions.undoLastAction();
    const s = app.getState();
    expect(s.frame?.timeMs).toBe(7000);
    expect(s.commandLog).toEqual(kept);
    expect(s.frame?.logHash).toBe(replay(scenario, 1, kept, 7000).logHash());
    expect(s.marks.map((m) => m.label)).toEqual(['crashNode']);
    expect(s.announcement).toBe('Undid failDisk: the run was rebuilt without it, at 7.0 seconds.');
    // Playing on from there is the run without the failed disk.
    steps(app, 2);
    expect(app.getState().frame?.logHash).toBe(replay(scenario, 1, kept, 9000).logHash());
  });

  it('undoes a whole Heal everything as one action', async () => {
    const app = await setup();
    steps(app, 1);
    act(app, { type: 'crashNode', nodeId: 'db-4' });
    act(app, { type: 'failDisk', nodeId: 'db-1', disk: 2 });
    steps(app, 1);
    const before = app.getState().commandLog;
    app.getState().actions.healEverything();
    expect(app.getState().commandLog.length).toBe(before.length + 2);
    steps(app, 1);
    app.getState().actions.undoLastAction();
    expect(app.getState().commandLog).toEqual(before);
    expect(app.getState().frame?.logHash).toBe(replay(scenario, 1, before, 3000).logHash());
    expect(app.getState().announcement).toMatch(/^Undid Heal everything \(2 commands\)/);
  });

  it('says there is nothing to undo in a run without actions', async () => {
    const app = await setup();
    steps(app, 1);
    const hash = app.getState().frame?.logHash;
    app.getState().actions.undoLastAction();
    expect(app.getState().announcement).toBe(NOTHING_TO_UNDO);
    expect(app.getState().frame?.logHash).toBe(hash);
  });
});

describe('Heal everything on the data system', () => {
  it('replaces a broker disk and restarts pipeline nodes, and leaves slots not added alone', async () => {
    const app = await setup();
    app.getState().actions.loadScenario('data-system');
    await Promise.resolve();
    steps(app, 2);
    act(app, { type: 'failDisk', nodeId: 'broker-2', disk: 0 });
    act(app, { type: 'crashNode', nodeId: 'indexer-1' });
    steps(app, 1);
    app.getState().actions.healEverything();
    const healed = app.getState().commandLog.map((c) => c.command);
    expect(healed).toContainEqual({ type: 'replaceDisk', nodeId: 'broker-2', disk: 0 });
    expect(healed).toContainEqual({ type: 'restartNode', nodeId: 'indexer-1' });
    // App servers, cache nodes and consumers the scenario has room for but never added stay out.
    expect(healed.filter((c) => c.type === 'restartNode')).toHaveLength(1);
    const { topology, frame, links } = app.getState();
    expect(frame?.pipeline?.nodes.some((n) => n.diskFailed)).toBe(false);
    expect(healSteps(topology, frame, links)).toEqual([]);
  });
});
