// Checkpoints of the lab's run, so the timeline can rebuild a moment from a nearby copy of the
// simulation instead of replaying from the start (which takes seconds minutes into a large run).
// A checkpoint is a full copy taken every so many events; when there are too many, every other one
// is dropped and the spacing doubles, so they always cover the whole run at a bounded memory cost.
// A checkpoint serves a rebuild only if the commands it had seen are exactly the first commands of
// the rebuild, so a forked run never resumes from the other branch's state.
import { replayOnto, type Scenario, type Simulation, type TimedCommand } from '../sim/index';

/** Events between checkpoints at first (about 12 simulated seconds of the large cluster). */
export const FIRST_EVERY_EVENTS = 500_000;
export const MAX_CHECKPOINTS = 12;
/** Memory all checkpoints may take together (typed-array bytes; the rest is small beside it). */
export const CHECKPOINT_BUDGET_BYTES = 96 * 2 ** 20;

interface Checkpoint {
  readonly sim: Simulation;
  readonly commands: readonly TimedCommand[];
}

export class Checkpoints {
  private run = '';
  private list: Checkpoint[] = [];
  private everyEvents: number;
  private limit = MAX_CHECKPOINTS;

  constructor(private readonly firstEveryEvents = FIRST_EVERY_EVENTS) {
    this.everyEvents = firstEveryEvents;
  }

  get count(): number {
    return this.list.length;
  }

  /** Starts following a run; checkpoints of another scenario or seed are dropped. */
  follow(scenario: Scenario, seed: number): void {
    const run = `${seed}:${JSON.stringify(scenario)}`;
    if (run === this.run) return;
    this.run = run;
    this.list = [];
    this.everyEvents = this.firstEveryEvents;
    this.limit = MAX_CHECKPOINTS;
  }

  /**
   * Called as the run advances: keeps a copy when enough events have passed since the last one.
   * Checkpoints later than the run belong to a branch it left (it was rebuilt at an earlier moment
   * and now goes on from there), so they go.
   */
  offer(sim: Simulation): void {
    while (this.list.length > 0 && (this.list[this.list.length - 1] as Checkpoint).sim.nowMs > sim.nowMs)
      this.list.pop();
    const lastEvents = this.list[this.list.length - 1]?.sim.events ?? 0;
    if (sim.events - lastEvents < this.everyEvents) return;
    const stats = { typedBytes: 0 };
    this.list.push({ sim: sim.clone(stats), commands: [...sim.commands()] });
    if (this.list.length === 1)
      this.limit = Math.max(2, Math.min(MAX_CHECKPOINTS, Math.floor(CHECKPOINT_BUDGET_BYTES / stats.typedBytes)));
    if (this.list.length > this.limit) {
      // Keep the newest and every other one before it.
      this.list = this.list.filter((_, i) => (this.list.length - 1 - i) % 2 === 0);
      this.everyEvents *= 2;
    }
  }

  /**
   * The run rebuilt at untilMs with these commands from the latest checkpoint that can serve it,
   * or null if none can (then the caller replays from the start).
   */
  resume(commands: readonly TimedCommand[], untilMs: number): Simulation | null {
    const start = this.startFor(commands, untilMs);
    return start && replayOnto(start.sim, start.commands, untilMs);
  }

  /**
   * Where a rebuild at untilMs can start: a copy of the latest checkpoint that can serve it and the
   * commands still to apply, or null if none can (then the caller replays from the start).
   */
  startFor(
    commands: readonly TimedCommand[],
    untilMs: number,
  ): { sim: Simulation; commands: readonly TimedCommand[] } | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const checkpoint = this.list[i] as Checkpoint;
      if (checkpoint.sim.nowMs > untilMs || !servesRebuild(checkpoint, commands)) continue;
      return { sim: checkpoint.sim.clone(), commands: commands.slice(checkpoint.commands.length) };
    }
    return null;
  }
}

/** The checkpoint saw exactly the rebuild's first commands, and the rest come at or after it. */
function servesRebuild(checkpoint: Checkpoint, commands: readonly TimedCommand[]): boolean {
  const seen = checkpoint.commands;
  if (seen.length > commands.length) return false;
  for (let i = 0; i < seen.length; i++) {
    const a = seen[i] as TimedCommand;
    const b = commands[i] as TimedCommand;
    if (a.atMs !== b.atMs || JSON.stringify(a.command) !== JSON.stringify(b.command)) return false;
  }
  const next = commands[seen.length];
  return next === undefined || next.atMs >= checkpoint.sim.nowMs;
}
