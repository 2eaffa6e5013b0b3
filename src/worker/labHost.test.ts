// The lab's host does long work in slices: the result is the run done in one go, the page hears
// how far it got, and a cancel or a newer load stops it between slices. A fake clock (each reading
// TICK_MS later) and a schedule the test drives stand in for the worker's.
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, replay, type Scenario, type TimedCommand } from '../sim/index';
import { INTERACTIVE_HORIZON_MS } from '../share/horizon';
import { LabHost, PROGRESS_AFTER_MS, SLICE_MS } from './labHost';
import type { LabReply, LabRequest } from './labProtocol';

const scenario = getBuiltInScenario('default') as Scenario;
const SEED = 3;
const commands: TimedCommand[] = [
  { atMs: 4_000, command: { type: 'crashNode', nodeId: 'app-2' } },
  { atMs: 9_000, command: { type: 'failDisk', nodeId: 'db-1', disk: 0 } },
  { atMs: 9_000, command: { type: 'restartNode', nodeId: 'app-2' } },
];
const UNTIL_MS = 60_000;
/** Fake wall time per reading of the clock: the host reads it once per chunk of events. */
const TICK_MS = 10;

function harness() {
  const replies: LabReply[] = [];
  const tasks: (() => void)[] = [];
  let now = 0;
  let readings = 0;
  const host = new LabHost(
    (reply) => replies.push(reply),
    () => {
      readings++;
      return (now += TICK_MS);
    },
    (task) => tasks.push(task),
  );
  return {
    replies,
    post: (request: LabRequest) => host.handle(request),
    /** Runs the next scheduled slice; false if none was scheduled. */
    slice: () => {
      const task = tasks.shift();
      task?.();
      return task !== undefined;
    },
    drain: () => {
      let slices = 0;
      for (; tasks.length > 0; slices++) (tasks.shift() as () => void)();
      return slices;
    },
    readingsPerSlice: () => readings,
  };
}

const load = (runId: number, untilMs = UNTIL_MS, list = commands): LabRequest => ({
  type: 'load',
  runId,
  scenario,
  seed: SEED,
  replay: { commands: list, untilMs },
});

// Each test simulates up to a minute of the default cluster, twice: up to 6 s measured on a busy
// 2-core machine, so the budget allows a machine twice as slow and more.
describe('lab host jobs', { timeout: 30_000 }, () => {
  it('a replay in slices gives the hash of a replay in one go, with progress between slices', () => {
    const h = harness();
    h.post(load(1));
    const slices = h.drain();
    expect(slices).toBeGreaterThan(3);
    const progress = h.replies.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(slices - PROGRESS_AFTER_MS / SLICE_MS - 2);
    const shares = progress.map((r) => (r.type === 'progress' ? r.doneShare : -1));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBeGreaterThan(0);
    const loaded = h.replies.at(-1);
    expect(loaded?.type).toBe('loaded');
    if (loaded?.type !== 'loaded') return;
    expect(loaded.cancelled).toBeUndefined();
    expect(loaded.frame.timeMs).toBe(UNTIL_MS);
    expect(loaded.frame.logHash).toBe(replay(scenario, SEED, commands, UNTIL_MS).logHash());
  });

  it('a slice reads the clock between chunks and stops after about SLICE_MS', () => {
    const h = harness();
    h.post(load(1));
    h.slice(); // the load itself
    expect(h.readingsPerSlice()).toBeLessThanOrEqual(SLICE_MS / TICK_MS + 2);
  });

  it('cancel stops a replay where it got, with only the commands it applied, and the run goes on', () => {
    const h = harness();
    h.post(load(1));
    h.slice();
    h.slice();
    h.post({ type: 'cancel', runId: 1 });
    const loaded = h.replies.at(-1);
    expect(loaded?.type).toBe('loaded');
    if (loaded?.type !== 'loaded') return;
    const atMs = loaded.frame.timeMs;
    expect(atMs).toBeGreaterThan(0);
    expect(atMs).toBeLessThan(UNTIL_MS);
    const applied = commands.filter((c) => c.atMs <= atMs).length;
    expect(loaded.cancelled).toEqual({ commandsApplied: applied });
    expect(loaded.frame.logHash).toBe(replay(scenario, SEED, commands.slice(0, applied), atMs).logHash());
    const replies = h.replies.length;
    h.drain();
    expect(h.replies.length).toBe(replies); // nothing left running
    h.post({ type: 'advance', runId: 1, untilMs: atMs + 1000, maxEvents: Number.POSITIVE_INFINITY });
    h.drain();
    const frame = h.replies.at(-1);
    expect(frame?.type === 'frame' && frame.frame.timeMs).toBe(atMs + 1000);
  });

  it('a newer load abandons the replay under way; a burst of loads builds only the last', () => {
    const h = harness();
    h.post(load(1));
    h.slice();
    for (let runId = 2; runId <= 1000; runId++) h.post(load(runId, 2_000, []));
    h.drain();
    const loads = h.replies.filter((r) => r.type === 'loaded');
    expect(loads.map((r) => r.runId)).toEqual([1000]);
  });

  it('a big advance is a catch-up job that reports progress and can be cancelled', () => {
    const h = harness();
    h.post({ type: 'load', runId: 1, scenario, seed: SEED });
    h.drain();
    h.post({ type: 'advance', runId: 1, untilMs: 600_000, maxEvents: Number.POSITIVE_INFINITY });
    for (let i = 0; i <= PROGRESS_AFTER_MS / SLICE_MS; i++) h.slice();
    expect(h.replies.at(-1)).toMatchObject({ type: 'progress', task: 'catchUp' });
    h.post({ type: 'cancel', runId: 1 });
    const frame = h.replies.at(-1);
    expect(frame).toMatchObject({ type: 'frame', cancelled: true });
    expect(frame?.type === 'frame' && frame.frame.timeMs).toBeLessThan(600_000);
  });

  it('a cancel that comes before a waiting advance began still answers it', () => {
    const h = harness();
    h.post({ type: 'load', runId: 1, scenario, seed: SEED });
    h.drain();
    h.post({ type: 'advance', runId: 1, untilMs: 600_000, maxEvents: Number.POSITIVE_INFINITY });
    h.post({ type: 'cancel', runId: 1 }); // before any slice ran
    const answer = h.replies.at(-1);
    expect(answer).toMatchObject({ type: 'frame', cancelled: true });
    expect(answer?.type === 'frame' && answer.frame.timeMs).toBe(0);
    const replies = h.replies.length;
    h.drain();
    expect(h.replies.length).toBe(replies); // nothing left running
  });

  it('refuses a replay or a jump past the interactive horizon, and opens the fresh run instead', () => {
    const h = harness();
    h.post(load(1, INTERACTIVE_HORIZON_MS + 1, []));
    h.drain();
    expect(h.replies.map((r) => r.type)).toEqual(['loaded', 'error']);
    expect(h.replies[0]?.type === 'loaded' && h.replies[0].frame.timeMs).toBe(0);
    expect(h.replies[1]?.type === 'error' && h.replies[1].message).toContain('npm run sim');
    h.post({ type: 'advance', runId: 1, untilMs: 1e12, maxEvents: Number.POSITIVE_INFINITY });
    h.drain();
    expect(h.replies.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('npm run sim') });
  });
});
