// Folds bursts of like lines into one: a 500-node run rebuilds dozens of copies after a disk
// fails, and a rack's power cut takes fifty nodes down at once; one line each would bury the
// rest of the log. The rule (groupLines):
// - lines group when they have the same type and cause (and neither is a lesson step);
// - walking from the newest, a line joins the open group of its type if it is at most GAP_MS
//   older than the group's oldest member and at most SPAN_MS older than its newest;
// - lines of other types in between do not break a group (a burst of copies interleaves with
//   the odd failure), and the group stands where its newest member stood;
// - fewer than MIN_MEMBERS lines stay single lines.
// Rebuilt copies land on whichever disks are emptiest, so a burst spreads over many nodes: the
// group names the node when its members share one ("db-3: 12 lost copies rebuilt"), else the
// count of nodes.
import { formatNumber } from '../../share/words/policyWords';
import type { LogLine } from './logLines';

export const GAP_MS = 5_000;
export const SPAN_MS = 30_000;
export const MIN_MEMBERS = 3;

export interface LineGroup {
  /** Stable while newer lines join: the key of its oldest member. */
  readonly key: string;
  /** Newest first. */
  readonly lines: readonly LogLine[];
  readonly text: string;
}

export type LogRow = { readonly line: LogLine } | { readonly group: LineGroup };

/** "12 lost copies rebuilt" for `count` lines like `line`. */
function countWords(line: LogLine, count: number): string {
  const n = formatNumber(count);
  switch (line.type) {
    case 'replicaRebuilt':
      return `${n} lost copies rebuilt`;
    case 'nodeCrashed':
      return `${n} nodes crashed`;
    case 'nodePoweredOff':
      return `${n} nodes lost power`;
    case 'nodeRestarted':
      return `${n} nodes back up`;
    case 'diskFailed':
      return `${n} disks failed`;
    case 'diskReplaced':
      return `${n} disks replaced`;
    case 'serverRemoved':
      return `The balancer took ${n} servers out of rotation`;
    case 'serverRestored':
      return `The balancer put ${n} servers back in rotation`;
    case 'writesLost':
      return `Data lost ${n} times`;
    case 'consumersRebalanced':
      return `${n} consumer group rebalances`;
    case 'consumerRewound':
      return `${n} consumers sent back to their last commit`;
    case 'indexRebuildStarted':
      return `${n} index rebuilds started`;
    case 'indexRebuilt':
      return `${n} index rebuilds finished`;
    default:
      return `${n} lines like “${line.text}”`;
  }
}

function groupText(lines: readonly LogLine[]): string {
  const first = lines[0] as LogLine;
  const nodes = new Set(lines.flatMap((l) => l.nodes));
  const words = countWords(first, lines.length);
  if (nodes.size === 1) return `${[...nodes][0]}: ${words}`;
  const spread = first.type === 'replicaRebuilt' && nodes.size > 1 ? ` on ${formatNumber(nodes.size)} nodes` : '';
  return words + spread;
}

interface Open {
  readonly members: LogLine[];
  readonly newestMs: number;
}

/** Lines (newest first) as rows: single lines and groups, in the same order. */
export function groupLines(lines: readonly LogLine[]): LogRow[] {
  const groupOf: Open[] = [];
  const open = new Map<string, Open>();
  for (const line of lines) {
    const id = `${line.type}|${line.cause}`;
    const current = open.get(id);
    const oldest = current?.members[current.members.length - 1];
    const joins =
      line.kind !== 'lesson' &&
      current !== undefined &&
      oldest !== undefined &&
      oldest.timeMs - line.timeMs <= GAP_MS &&
      current.newestMs - line.timeMs <= SPAN_MS;
    const group: Open = joins ? current : { members: [], newestMs: line.timeMs };
    group.members.push(line);
    if (!joins) open.set(id, group);
    groupOf.push(group);
  }
  const rows: LogRow[] = [];
  lines.forEach((line, i) => {
    const group = groupOf[i] as Open;
    if (group.members.length < MIN_MEMBERS) rows.push({ line });
    else if (group.members[0] === line) {
      const members = group.members;
      rows.push({
        group: { key: (members[members.length - 1] as LogLine).key, lines: members, text: groupText(members) },
      });
    }
  });
  return rows;
}
