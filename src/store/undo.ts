// "Undo last action": the run rebuilt by replay without its last action, at the same simulated
// time, so it equals a run in which that action was never taken. One Heal everything counts as
// one action, however many commands it sent.
import type { Command, TimedCommand } from '../sim/index';

/** Remembers which commands one Heal everything sent together (by identity, per store). */
export interface ActionGroups {
  group(commands: readonly Command[]): void;
  groupOf(command: Command): number | undefined;
}

export function createActionGroups(): ActionGroups {
  const groups = new WeakMap<Command, number>();
  let next = 0;
  return {
    group: (commands) => {
      next++;
      for (const c of commands) groups.set(c, next);
    },
    groupOf: (command) => groups.get(command),
  };
}

/** How many commands at the end of the log make up the last action (0: nothing to undo). */
export function lastActionLength(log: readonly TimedCommand[], groups: ActionGroups): number {
  const last = log[log.length - 1];
  if (!last) return 0;
  const group = groups.groupOf(last.command);
  if (group === undefined) return 1;
  let n = 0;
  while (n < log.length && groups.groupOf((log[log.length - 1 - n] as TimedCommand).command) === group) n++;
  return n;
}

export const NOTHING_TO_UNDO = 'Nothing to undo: no action has been taken in this run yet.';

/** The reason Undo is unavailable, or null when it can undo. */
export function undoUnavailable(log: readonly TimedCommand[]): string | null {
  return log.length === 0 ? NOTHING_TO_UNDO : null;
}
