// The keys of the cluster picture as data: the nodes and links read it to act, the help and the
// picture's description to say it, so what is said cannot drift from what is done.
import type { Direction } from './layout';

/** Where a key moves focus inside the picture (the picture is one Tab stop; these move within it). */
export type Move = Direction | 'first' | 'last' | 'nextLink' | 'previousLink' | 'back';

/** KeyboardEvent.key -> move. Shift+L gives "L", so it goes backwards through the links. */
export const MOVES: Readonly<Record<string, Move>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'first',
  End: 'last',
  l: 'nextLink',
  L: 'previousLink',
  Escape: 'back',
};

/** The move a key press asks for on a node or a link, or null (Escape only means "back" on a link). */
export function moveOf(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, onLink: boolean) {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const move = MOVES[event.key] ?? null;
  return move === 'back' && !onLink ? null : move;
}

export interface KeyRow {
  /** KeyboardEvent.key values (with "Shift+" for a shifted key that needs it), for the tests. */
  readonly keys: readonly string[];
  /** How the keys are written in the help. */
  readonly shown: readonly string[];
  readonly description: string;
}

/** The picture's rows of the help, covering every key in MOVES and the keys that act on a node or link. */
export const CLUSTER_KEYS: readonly KeyRow[] = [
  {
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
    shown: ['←', '→', '↑', '↓'],
    description:
      'In the cluster picture: go to the nearest node that way. On a link: ← and → go to its ends, ↑ and ↓ to the next link',
  },
  {
    keys: ['Home', 'End'],
    shown: ['Home', 'End'],
    description: 'In the cluster picture: go to the first or last node',
  },
  {
    keys: ['l', 'L'],
    shown: ['L', 'Shift+L'],
    description: 'On a node: go through its links (Shift+L goes backwards); Esc on a link goes back to the node',
  },
  { keys: ['Enter', ' '], shown: ['Enter', 'Space'], description: 'On a node or link: open its actions' },
  {
    keys: ['Shift+Enter'],
    shown: ['Shift+Enter'],
    description: 'On a node: add it to the group selection, or take it out',
  },
];

/** The picture's description for screen readers: how to move inside its one Tab stop. */
export const CLUSTER_KEYS_HINT =
  'Arrow keys move between nodes, Home and End go to the first and last node, L goes through the links of the focused node, Enter opens actions, Shift+Enter adds a node to the group selection. Press ? for all keys.';
