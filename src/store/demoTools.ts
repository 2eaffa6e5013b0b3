// The live-demo tools behind the header's buttons and the H and U keys: Heal everything and Undo
// last action. Both are built from what the store already does (commands, and rebuilding a run by
// replay), and both say what they did in the live region.
import type { Command, TimedCommand } from '../sim/index';
import type { Replay } from '../worker/labProtocol';
import type { AppState, AppStore, FaultMark } from './appState';
import { describeHeal, healSteps } from './heal';
import { undoRestoresFork } from './fork';
import { createActionGroups, lastActionLength, NOTHING_TO_UNDO } from './undo';

export interface DemoTools {
  healEverything(): void;
  undoLastAction(): void;
}

/** "crashNode" on app-2 -> "crash node app-2": for an undone command whose chart mark is gone. */
function describeCommand(command: Command): string {
  const words = command.type.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  const target = 'nodeId' in command ? command.nodeId : 'linkId' in command ? command.linkId : '';
  return target ? `${words} ${target}` : words;
}

function undoneWords(undone: readonly TimedCommand[], marks: readonly FaultMark[], grouped: boolean): string {
  if (grouped) return `Heal everything (${undone.length} commands)`;
  const last = undone[undone.length - 1] as TimedCommand;
  const mark = marks[marks.length - 1];
  return mark && mark.timeMs === last.atMs ? mark.label : describeCommand(last.command);
}

/**
 * Sets the live region once `done` holds (or the run is replaced): after the worker's answers,
 * which announce their own faults and recoveries, so this summary is the last word.
 */
function announceWhen(store: AppStore, done: (s: AppState) => boolean, text: string): void {
  const runId = store.getState().runId;
  if (done(store.getState())) return store.setState({ announcement: text });
  const stop = store.subscribe((s) => {
    if (s.runId !== runId) return stop();
    if (done(s)) {
      stop();
      store.setState({ announcement: text });
    }
  });
}

/** `storeOf` gives the store once it exists; `rebuild` starts the same scenario and seed from a replay, keeping the picture until it is ready. */
export function createDemoTools(storeOf: () => AppStore, rebuild: (replay: Replay) => void): DemoTools {
  const groups = createActionGroups();
  return {
    healEverything() {
      const store = storeOf();
      const s = store.getState();
      const steps = healSteps(s.topology, s.frame, s.links);
      groups.group(steps.map((step) => step.command));
      for (const step of steps) store.getState().actions.apply(step.command, step.label);
      const last = steps[steps.length - 1]?.command;
      // Done when the last command is in the log, or was refused (then the error banner says why).
      const answered = (now: AppState) =>
        last === undefined ||
        now.commandLog[now.commandLog.length - 1]?.command === last ||
        (now.commandError !== null && now.commandError !== s.commandError);
      announceWhen(store, answered, describeHeal(steps));
    },
    undoLastAction() {
      const store = storeOf();
      const s = store.getState();
      if (s.fork && undoRestoresFork(s)) {
        const { replaced } = s.fork;
        rebuild({ commands: replaced.commands, untilMs: replaced.endMs });
        store.setState({ fork: null });
        const words = `Brought back the run that went on to ${(replaced.endMs / 1000).toFixed(1)} seconds.`;
        return announceWhen(store, (loaded) => !loaded.pending, words);
      }
      const n = lastActionLength(s.commandLog, groups);
      if (n === 0) return store.setState({ announcement: NOTHING_TO_UNDO });
      const undone = s.commandLog.slice(-n);
      const words = undoneWords(
        undone,
        s.marks,
        n > 1 || groups.groupOf((undone[0] as TimedCommand).command) !== undefined,
      );
      const atMs = s.frame?.timeMs ?? 0;
      rebuild({ commands: s.commandLog.slice(0, -n), untilMs: atMs });
      // Marks stand for this run's commands in order, so the undone ones are the last.
      store.setState({ marks: s.marks.slice(0, Math.max(0, s.marks.length - n)) });
      announceWhen(
        store,
        (loaded) => !loaded.pending,
        `Undid ${words}: the run was rebuilt without it, at ${(atMs / 1000).toFixed(1)} seconds.`,
      );
    },
  };
}
