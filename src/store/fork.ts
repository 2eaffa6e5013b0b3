// Forking from the past: playing or acting at an earlier moment replaces the rest of the run with
// a new branch. The replaced branch is kept, so Undo can bring it back until the learner takes
// another action on the new branch (that action is undone first, as usual).
import type { AppState, Branch } from './appState';

export interface Fork {
  /** The branch that was replaced: its commands and how far it had run. */
  readonly replaced: Branch;
  /** The simulated time the new branch starts from. */
  readonly atMs: number;
  /** The command log's length on the new branch, the forking command included if there was one. */
  readonly logLength: number;
}

/** The fork that playing (`byCommand` false) or a command would make now, or null when not in the past. */
export function forkNow(s: Pick<AppState, 'past' | 'frame' | 'commandLog'>, byCommand: boolean): Fork | null {
  if (!s.past) return null;
  return { replaced: s.past, atMs: s.frame?.timeMs ?? 0, logLength: s.commandLog.length + (byCommand ? 1 : 0) };
}

/** Whether Undo now brings the replaced branch back (no action taken on the new branch since). */
export function undoRestoresFork(s: Pick<AppState, 'fork' | 'commandLog'>): boolean {
  return s.fork !== null && s.commandLog.length <= s.fork.logLength;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The later actions a fork replaces: those of the old branch after the fork's moment. */
export function laterActions(fork: Pick<Fork, 'replaced' | 'atMs'>): number {
  return fork.replaced.commands.filter((c) => c.atMs > fork.atMs).length;
}

/** "The run after t = 5.0 s (it went on to 20.0 s, with 2 more actions) was replaced by a new branch." */
export function describeFork(fork: Fork): string {
  const n = laterActions(fork);
  const actions = n === 0 ? '' : `, with ${n} more action${n === 1 ? '' : 's'}`;
  return `The run after t = ${seconds(fork.atMs)} (it went on to ${seconds(fork.replaced.endMs)}${actions}) was replaced by a new branch.`;
}

/** What playing or acting now would replace, said before it happens. */
export function describeForkAhead(s: Pick<AppState, 'past' | 'frame'>): string | null {
  if (!s.past) return null;
  const atMs = s.frame?.timeMs ?? 0;
  const n = laterActions({ replaced: s.past, atMs });
  const actions = n === 0 ? '' : ` and its ${n} later action${n === 1 ? '' : 's'}`;
  return `Play or any action from here replaces the run after t = ${seconds(atMs)} (up to ${seconds(s.past.endMs)}${actions}) with a new branch; Undo brings it back.`;
}
