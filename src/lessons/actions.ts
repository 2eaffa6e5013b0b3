// Recognises the learner's action among the commands they issue: "crash any app server" is a
// crashNode whose target is an app server, whichever one they pick.
import type { Command, Topology } from '../sim/index';
import type { ActionMatch } from './lessonSchema';

function sameValue(want: unknown, got: unknown): boolean {
  if (typeof want === 'object' && want !== null && typeof got === 'object' && got !== null) {
    return Object.entries(want).every(([k, v]) => sameValue(v, (got as Record<string, unknown>)[k]));
  }
  return Object.is(want, got);
}

function targetKinds(command: Command, topology: Topology): string[] {
  const kindOf = (id: string) => topology.nodes.find((n) => n.id === id)?.kind ?? '';
  if ('nodeId' in command) return [kindOf(command.nodeId)];
  if (command.type === 'partitionGroup') return command.nodeIds.map(kindOf);
  return [];
}

export function matchesAction(command: Command, match: ActionMatch, topology: Topology): boolean {
  if (command.type !== match.type) return false;
  if (match.nodeKind !== undefined && !targetKinds(command, topology).includes(match.nodeKind)) return false;
  if (match.fields === undefined) return true;
  return sameValue(match.fields, command);
}

export function matchesAny(command: Command, matches: readonly ActionMatch[], topology: Topology): boolean {
  return matches.some((m) => matchesAction(command, m, topology));
}
