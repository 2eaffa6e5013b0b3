// Commands that change nothing: refused when sent live (with the reason), but still applied when an
// older link replays them, where the log line says nothing changed instead of showing a recovery.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario } from './index';

const scenario = getBuiltInScenario('default') as Scenario;
const live = { refuseNoChange: true } as const;

const NO_CHANGE: readonly [string, unknown, string][] = [
  ['rolling back with nothing rolled out', { type: 'rollBack' }, 'nothing to roll back'],
  ['restarting a running node', { type: 'restartNode', nodeId: 'app-2' }, 'already running'],
  ['slowing a node to its own speed', { type: 'slowNode', nodeId: 'db-1', factor: 1 }, 'normal speed'],
  ['healing a link that is not cut', { type: 'healLink', linkId: 'lb~app-1' }, 'not cut'],
];

describe('commands that change nothing', () => {
  it.each(NO_CHANGE)('refuses %s when sent live, naming why', (_, command, words) => {
    const sim = createSimulation(scenario, 1);
    sim.runUntil(500);
    const result = sim.apply(command, live);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(words);
    expect(sim.commands()).toHaveLength(0);
  });

  it('refuses crashing a node that is already down, and a second failure of one disk', () => {
    const sim = createSimulation(scenario, 1);
    expect(sim.apply({ type: 'crashNode', nodeId: 'app-1' }, live).ok).toBe(true);
    expect(sim.apply({ type: 'crashNode', nodeId: 'app-1' }, live)).toEqual({
      ok: false,
      error: 'app-1 is already down',
    });
    expect(sim.apply({ type: 'failDisk', nodeId: 'db-1', disk: 0 }, live).ok).toBe(true);
    expect(sim.apply({ type: 'failDisk', nodeId: 'db-1', disk: 0 }, live).ok).toBe(false);
  });

  it('accepts the same commands once they would change something', () => {
    const sim = createSimulation(scenario, 1);
    sim.apply({ type: 'crashNode', nodeId: 'app-2' }, live);
    expect(sim.apply({ type: 'restartNode', nodeId: 'app-2' }, live).ok).toBe(true);
    const rollout = { type: 'rollOutConfig', mode: 'all-at-once', nodeIds: [], errorShare: 1, slowShare: 0 };
    expect(sim.apply({ ...rollout, slowFactor: 1, canaryCount: 1, stageDelayMs: 0 }, live).ok).toBe(true);
    expect(sim.apply({ type: 'rollBack' }, live).ok).toBe(true);
    const last = sim.snapshot().recentEvents.at(-1);
    expect(last).toMatchObject({ type: 'configRolledBack', cause: 'user' });
    expect(last?.noop).toBeUndefined();
  });

  it('still applies a replayed no-change command (old links keep their hash) and says it changed nothing', () => {
    const sim = createSimulation(scenario, 1);
    expect(sim.apply({ type: 'rollBack' }).ok).toBe(true);
    const last = sim.snapshot().recentEvents.at(-1);
    expect(last).toMatchObject({ type: 'configRolledBack', noop: true, cause: 'user' });
    expect(last?.detail).toContain('nothing changed');
  });
});

describe('who set off each notable event', () => {
  it('names the user, the schedule or the run itself, and numbers events in order', () => {
    const withSchedule: Scenario = {
      ...scenario,
      appServers: { ...scenario.appServers, restartAfterMs: 2000 },
      schedule: [{ atMs: 1000, command: { type: 'crashNode', nodeId: 'app-1' } }],
    };
    const sim = createSimulation(withSchedule, 3);
    sim.runUntil(500);
    sim.apply({ type: 'crashNode', nodeId: 'app-3' });
    sim.runUntil(4500);
    const events = sim.snapshot().recentEvents;
    const cause = (type: string, target: string) => events.find((e) => e.type === type && e.target === target)?.cause;
    expect(cause('nodeCrashed', 'app-3')).toBe('user');
    expect(cause('nodeCrashed', 'app-1')).toBe('schedule');
    expect(cause('nodeRestarted', 'app-1')).toBe('auto');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });
});
