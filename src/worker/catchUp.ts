// One stretch of simulation done a slice at a time: apply these commands at their times, then run
// on to untilMs (or until maxEvents have passed). The lab's worker runs it between reading its
// messages, so a long replay or catch-up can show progress and be cancelled. Each slice stops only
// between timestamps (see Simulation.runUntil), so a run cut into slices is event for event the
// run done in one go.
import type { Simulation, TimedCommand } from '../sim/index';

/** Events per call into the simulation; the caller checks its clock between calls. */
export const CHUNK_EVENTS = 5_000;

export class CatchUp {
  private nextCommand = 0;
  private processed = 0;
  private readonly fromMs: number;

  constructor(
    readonly sim: Simulation,
    private readonly commands: readonly TimedCommand[],
    readonly untilMs: number,
    private readonly maxEvents = Number.POSITIVE_INFINITY,
  ) {
    this.fromMs = sim.nowMs;
  }

  /** Commands applied so far (the first ones of the list). */
  get commandsApplied(): number {
    return this.nextCommand;
  }

  /** The share of the way done, by simulated time, from 0 to 1. */
  get doneShare(): number {
    const span = this.untilMs - this.fromMs;
    if (span <= 0) return 1;
    return Math.min(1, Math.max(0, (this.sim.nowMs - this.fromMs) / span));
  }

  /** Runs about `events` more events (whole timestamps); true once the stretch is done. Throws if the run rejects a command. */
  run(events = CHUNK_EVENTS): boolean {
    let budget = events;
    for (;;) {
      const command = this.commands[this.nextCommand];
      const targetMs = command ? command.atMs : this.untilMs;
      const result = this.sim.runUntil(targetMs, Math.min(budget, this.maxEvents - this.processed));
      this.processed += result.events;
      budget -= result.events;
      if (!command && (this.sim.nowMs >= this.untilMs || this.processed >= this.maxEvents)) return true;
      if (this.sim.nowMs < targetMs) {
        if (budget <= 0) return false;
        continue;
      }
      if (!command) return true;
      const applied = this.sim.apply(command.command);
      if (!applied.ok) throw new Error(`command at ${command.atMs} ms was rejected on replay: ${applied.error}`);
      this.nextCommand++;
      if (budget <= 0) return false;
    }
  }
}
