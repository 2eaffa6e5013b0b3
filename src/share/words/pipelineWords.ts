// Sentences for the events of issue 15's data pipeline: the log's leaders and lost events, its
// policy, consumers that rewind, join, leave and rebalance, and index nodes that rebuild. The
// sim's details are free text; each sentence reads the numbers it needs and keeps the rest whole,
// and a detail it cannot parse still shows after its target.
import type { NotableEvent } from '../../sim/index';
import { formatNumber } from './policyWords';

export const PIPELINE_TYPES = [
  'logEventsLost',
  'logLeadersElected',
  'logPolicySet',
  'consumerRewound',
  'consumerAdded',
  'consumerRemoved',
  'consumersRebalanced',
  'indexRebuildStarted',
  'indexRebuilt',
  'indexModeSet',
] as const;

const plural = (count: number, one: string, many: string) => `${formatNumber(count)} ${count === 1 ? one : many}`;

function rewoundWords(consumer: string, detail: string): string {
  const m =
    /^lost its place: (\d+) events (?:it finished )?since its last commit.*?(?:; (\d+) in progress start over)?$/.exec(
      detail,
    );
  if (!m) return `${consumer}: ${detail}`;
  const finished = plural(Number(m[1]), 'event', 'events');
  const again = `${consumer} lost its place in the log: ${finished} it finished since its last commit will be processed again (duplicates)`;
  const inProgress = Number(m[2] ?? 0);
  return inProgress > 0 ? `${again}; ${plural(inProgress, 'event', 'events')} in progress start over` : again;
}

function rebalancedWords(group: string, detail: string): string {
  const m = /^(\d+) consumers share (\d+) partitions \((\d+) moved\)$/.exec(detail);
  if (!m) return `${group}: ${detail}`;
  const [, members = '0', partitions = '0', moved = '0'] = m;
  const who = Number(members) === 1 ? '1 consumer reads' : `${members} consumers share`;
  return `The ${group} group rebalanced: ${who} ${plural(Number(partitions), 'partition', 'partitions')} (${moved} moved)`;
}

function rebuildWords(node: string, detail: string): string {
  const m =
    /^(copies from a replica|replays the log|loads a database snapshot); it serves searches again in (.+)$/.exec(
      detail,
    );
  if (!m) return `${node}: ${detail}`;
  return `${node} is rebuilding its index: it ${m[1]} and serves searches again in ${m[2]}`;
}

function electedWords(topic: string, detail: string): string {
  if (detail === 'new leaders elected from in-sync followers')
    return `The log "${topic}" elected new partition leaders from in-sync followers`;
  return `The log "${topic}" elected new partition leaders: ${detail}`;
}

/** The sentence for a pipeline event, or null for a type that is not one of them. */
export function pipelineEventWords(e: NotableEvent): string | null {
  const { target, detail } = e;
  switch (e.type) {
    case 'logEventsLost':
      return `Acknowledged events lost: the log "${target}" elected leaders that never had them; ${detail}`;
    case 'logLeadersElected':
      return electedWords(target, detail);
    case 'logPolicySet':
      return `Log policy set: ${detail}`;
    case 'consumerRewound':
      return rewoundWords(target, detail);
    case 'consumerAdded': {
      const group = /^joins (\S+); the group rebalances$/.exec(detail)?.[1];
      return group ? `${target} joined the ${group} group, which rebalances` : `${target}: ${detail}`;
    }
    case 'consumerRemoved': {
      const group = /^left (\S+) after committing; the group rebalances$/.exec(detail)?.[1];
      return group
        ? `${target} left the ${group} group after committing its place; the group rebalances`
        : `${target}: ${detail}`;
    }
    case 'consumersRebalanced':
      return rebalancedWords(target, detail);
    case 'indexRebuildStarted':
      return rebuildWords(target, detail);
    case 'indexRebuilt':
      return `${target} caught up: it serves searches again`;
    case 'indexModeSet':
      return `Search index: ${detail}`;
    default:
      return null;
  }
}

/** "broker-1/disk-0" -> ["broker-1", "0"]: a pipeline node's disk, named as the sim names it. */
export function pipelineDisk(target: string): readonly [string, string] | null {
  const m = /^(.+)\/disk-(\d+)$/.exec(target);
  return m ? [m[1] as string, m[2] as string] : null;
}

/** A pipeline node's disk failed or was replaced ("failed by hand: its 2 leader partitions wait ..."). */
export function pipelineDiskWords(type: 'diskFailed' | 'diskReplaced', target: string, detail: string): string | null {
  const disk = pipelineDisk(target);
  if (disk === null) return null;
  const [node, n] = disk;
  if (type === 'diskReplaced') {
    const then = /^new empty disk: (.+)$/.exec(detail)?.[1];
    return `Disk ${n} of ${node} was replaced with an empty disk${then ? `: ${then}` : ''}`;
  }
  const m = /^failed (?:\((.+)\)|by hand)?:? ?(.*)$/.exec(detail);
  const why = m?.[1] ? ` (${m[1]})` : '';
  const then = m?.[2] ?? detail;
  return `Disk ${n} of ${node} failed${why}${then ? `: ${then}` : ''}`;
}
