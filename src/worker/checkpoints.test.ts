// Rebuilding a moment from a checkpoint must give exactly the run a replay from the start gives,
// on the same branch and after a fork, and the checkpoints must stay few and spread out.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, replay, type Scenario, type TimedCommand } from '../sim/index';
import { Checkpoints, MAX_CHECKPOINTS } from './checkpoints';

const scenario = getBuiltInScenario('default') as Scenario;
const SEED = 5;
/** About two simulated seconds of the default cluster between checkpoints. */
const EVERY = 5_000;

const crash: TimedCommand = { atMs: 4_000, command: { type: 'crashNode', nodeId: 'app-2' } };
const disk: TimedCommand = { atMs: 9_000, command: { type: 'failDisk', nodeId: 'db-1', disk: 0 } };
const heal: TimedCommand = { atMs: 9_000, command: { type: 'restartNode', nodeId: 'app-2' } };

/** Plays a run as the lab does: in one-second requests, offering a checkpoint after each. */
function play(checkpoints: Checkpoints, commands: readonly TimedCommand[], untilMs: number) {
  checkpoints.follow(scenario, SEED);
  const sim = createSimulation(scenario, SEED);
  let next = 0;
  for (let t = 1000; t <= untilMs; t += 1000) {
    while (next < commands.length && (commands[next] as TimedCommand).atMs <= t) {
      const c = commands[next++] as TimedCommand;
      sim.runUntil(c.atMs);
      expect(sim.apply(c.command)).toEqual({ ok: true });
      checkpoints.offer(sim);
    }
    sim.runUntil(t);
    checkpoints.offer(sim);
  }
  return sim;
}

describe('checkpoints', () => {
  it('rebuild any moment of the run with the hash of a replay from the start', () => {
    const checkpoints = new Checkpoints(EVERY);
    play(checkpoints, [crash, disk], 20_000);
    expect(checkpoints.count).toBeGreaterThan(2);
    // Before the first checkpoint there is nothing to resume: the lab replays from the start.
    expect(checkpoints.resume([], 500)).toBeNull();
    for (const at of [3_000, 4_000, 8_999, 9_000, 15_500, 20_000]) {
      const commands = [crash, disk].filter((c) => c.atMs <= at);
      const rebuilt = checkpoints.resume(commands, at);
      expect(rebuilt, `a checkpoint serves ${at} ms`).not.toBeNull();
      expect(rebuilt?.logHash()).toBe(replay(scenario, SEED, commands, at).logHash());
      expect(rebuilt?.nowMs).toBe(at);
    }
  });

  it('never resume another branch: a rebuild with other commands starts before they differ', () => {
    const checkpoints = new Checkpoints(EVERY);
    play(checkpoints, [crash, disk], 20_000);
    const fork = [crash, heal];
    const rebuilt = checkpoints.resume(fork, 15_000);
    expect(rebuilt?.logHash()).toBe(replay(scenario, SEED, fork, 15_000).logHash());
    // A branch that differs from the first second on shares no checkpoint with this run.
    const other: TimedCommand[] = [{ atMs: 1_000, command: { type: 'crashNode', nodeId: 'app-3' } }];
    expect(checkpoints.resume(other, 12_000)).toBeNull();
  });

  it('a run rebuilt in the past and played on drops the checkpoints of the branch it left', () => {
    const checkpoints = new Checkpoints(EVERY);
    play(checkpoints, [crash, disk], 20_000);
    const forked = checkpoints.resume([crash], 6_000);
    if (!forked) throw new Error('no checkpoint before 6 s');
    expect(forked.apply(heal.command)).toEqual({ ok: true });
    const atFork = forked.commands();
    forked.runUntil(7_000);
    checkpoints.offer(forked);
    // Later moments of the new branch rebuild correctly, and the old branch's later ones are gone.
    expect(checkpoints.resume([...atFork], 7_000)?.logHash()).toBe(replay(scenario, SEED, atFork, 7_000).logHash());
    expect(checkpoints.resume([crash, disk], 20_000)?.nowMs).toBe(20_000);
    expect(checkpoints.resume([crash, disk], 20_000)?.logHash()).toBe(
      replay(scenario, SEED, [crash, disk], 20_000).logHash(),
    );
  });

  it('stay at most MAX_CHECKPOINTS, spread over the whole run', () => {
    const checkpoints = new Checkpoints(2_000);
    play(checkpoints, [], 120_000);
    expect(checkpoints.count).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    expect(checkpoints.count).toBeGreaterThanOrEqual(MAX_CHECKPOINTS / 2);
    // The earliest checkpoint is near the start, so early moments rebuild quickly too.
    const early = checkpoints.resume([], 15_000);
    expect(early?.logHash()).toBe(replay(scenario, SEED, [], 15_000).logHash());
  });

  it('forget a run when the scenario or seed changes', () => {
    const checkpoints = new Checkpoints(EVERY);
    play(checkpoints, [], 10_000);
    expect(checkpoints.count).toBeGreaterThan(0);
    checkpoints.follow(scenario, SEED + 1);
    expect(checkpoints.count).toBe(0);
    expect(checkpoints.resume([], 5_000)).toBeNull();
  });
});
