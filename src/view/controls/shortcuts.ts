// The lab's keyboard shortcuts as data: KeyboardShortcuts reads it to act, HelpDialog to list them,
// so the two cannot disagree (the cluster picture's keys come from its own table, clusterKeys.ts).
import { SPEEDS } from '../../store/appStore';
import { CLUSTER_KEYS, type KeyRow } from '../topology/clusterKeys';

export type ShortcutAction =
  | 'togglePlay'
  | 'step'
  | 'reset'
  | 'faster'
  | 'slower'
  | 'help'
  | 'healEverything'
  | 'undoLastAction'
  | 'toggleMotion'
  | 'traceNext';

export interface Shortcut {
  readonly action: ShortcutAction;
  /** KeyboardEvent.key values that trigger it. */
  readonly keys: readonly string[];
  /** How the keys are written in the help, e.g. ["Space"]. */
  readonly shown: readonly string[];
  readonly description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'togglePlay', keys: [' '], shown: ['Space'], description: 'Play or pause the simulation' },
  {
    action: 'step',
    keys: ['.', 's', 'S'],
    shown: ['.', 'S'],
    description: 'Step: pause and advance 1 simulated second',
  },
  {
    action: 'reset',
    keys: ['r', 'R'],
    shown: ['R'],
    description: 'Reset: start the run again (same scenario and seed)',
  },
  { action: 'faster', keys: ['+', '='], shown: ['+'], description: 'Faster: next playback speed' },
  { action: 'slower', keys: ['-', '_'], shown: ['−'], description: 'Slower: previous playback speed' },
  {
    action: 'healEverything',
    keys: ['h', 'H'],
    shown: ['H'],
    description: 'Heal everything: restart nodes, heal links and partitions, restore power, replace disks, roll back',
  },
  {
    action: 'undoLastAction',
    keys: ['u', 'U'],
    shown: ['U'],
    description: 'Undo last action: rebuild the run without it, at the same simulated time',
  },
  {
    action: 'toggleMotion',
    keys: ['m', 'M'],
    shown: ['M'],
    description: 'Moving requests on or off (off: link widths and rates only)',
  },
  {
    action: 'traceNext',
    keys: ['t', 'T'],
    shown: ['T'],
    description: 'Trace the next request: follow it hop by hop and show its waterfall',
  },
  { action: 'help', keys: ['?'], shown: ['?'], description: 'Show or hide this list' },
];

/** Keys that belong to other parts of the lab; listed in the help, not handled globally. */
export const OTHER_KEYS: readonly KeyRow[] = [
  {
    keys: ['Tab'],
    shown: ['Tab'],
    description: 'Move between controls; the cluster picture is one stop (it remembers the node you were on)',
  },
  {
    keys: ['Escape'],
    shown: ['Esc'],
    description: 'Close a menu or this dialog; otherwise stop a long replay (as Cancel does)',
  },
];

/** Every row of the help, in the order shown. */
export const HELP_ROWS: readonly KeyRow[] = [...SHORTCUTS, ...CLUSTER_KEYS, ...OTHER_KEYS];

export function shortcutFor(key: string): ShortcutAction | null {
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null;
}

/** The speed one step faster (1) or slower (-1) than `speed`, staying within SPEEDS. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  const index = SPEEDS.findIndex((s) => s >= speed);
  const current = index < 0 ? SPEEDS.length - 1 : index;
  const next = Math.min(Math.max(current + direction, 0), SPEEDS.length - 1);
  return SPEEDS[next] ?? speed;
}
