// What the charts mark on their time axis: every fault and recovery the run noted, whoever set
// it off (the user, the scenario's schedule or the run itself), and changes in a quieter style.
// Built from the notable events the simulation records, so automatic ones (random hardware
// faults, health-check removals, restarts, repairs, canary stages) are marked like the user's.
import type { NotableEvent } from '../../sim/index';
import { kindOf, lineKindOf, type EventKind } from '../metrics/eventKinds';

export type MarkKind = EventKind;
export type EventCause = NotableEvent['cause'];

export interface ChartMark {
  /** The event's seq: the name of its event-log line. */
  readonly seq: number;
  readonly timeMs: number;
  readonly type: string;
  readonly kind: MarkKind;
  /** A few words for the chart ("app-2 crashed"). */
  readonly text: string;
  /** The log's detail, for lists and tooltips. */
  readonly detail: string;
  readonly cause: EventCause;
}

/** The charts sort events as the event log does. */
export const markKindOf: (type: string) => MarkKind = kindOf;

const SHORT: Readonly<Record<string, (target: string, detail: string) => string>> = {
  nodeCrashed: (t) => `${t} crashed`,
  nodePoweredOff: (t) => `${t} lost power`,
  nodeRestarted: (t, d) => (d === 'power restored' ? `${t} power back` : `${t} restarted`),
  diskFailed: (t, d) => `${t} ${/^disk \d+/.exec(d)?.[0] ?? 'disk'} failed`,
  diskReplaced: (t, d) => `${t} ${/^disk \d+/.exec(d)?.[0] ?? 'disk'} replaced`,
  linkPartitioned: (t) => `${t} cut`,
  linkHealed: (t) => `${t} healed`,
  groupPartitioned: (t) => `${t.split(', ').length} nodes cut off`,
  networkHealed: () => 'network healed',
  serverRemoved: (t) => `${t} out of rotation`,
  serverRestored: (t) => `${t} back in rotation`,
  writesLost: () => 'writes lost',
  partitionLost: (t) => `${t} lost`,
  loadSpiked: () => 'load spike',
  loadSpikeEnded: () => 'load back to normal',
  rackPowerFailed: (t) => `${t} power out`,
  nodeSlowed: (t) => `${t} slowed`,
  nodeSpeedRestored: (t) => `${t} normal speed`,
  poisonSent: () => 'poison requests',
  linkLossSet: (t) => `${t} loses messages`,
  linkLatencySet: (t) => `${t} delayed`,
  configRolledOut: (_t, d) => (d.includes('canary') ? 'canary rollout' : 'config rolled out'),
  configRolledBack: () => 'config rolled back',
  replicaRebuilt: () => 'replica rebuilt',
  policyChanged: () => 'policy changed',
  loadChanged: () => 'load changed',
  hardwareFaultsSet: (_t, d) => (d.includes(' off') ? 'hardware faults off' : 'hardware faults on'),
};

/** A few words for a mark's label; the full story is in the log line it links to. */
export function markText(type: string, target: string, detail: string): string {
  const short = SHORT[type];
  return short ? short(target, detail) : `${target}: ${type}`;
}

export const CAUSE_WORDS: Readonly<Record<EventCause, string>> = {
  user: 'by you',
  schedule: 'scheduled',
  auto: 'automatic',
};

/** Built once per event list: the charts and the timeline read the same list. */
const marksOfList = new WeakMap<readonly NotableEvent[], readonly ChartMark[]>();

/** Marks for the events, oldest first; events that changed nothing (as the log says) are left out. */
export function marksFromEvents(events: readonly NotableEvent[]): readonly ChartMark[] {
  let marks = marksOfList.get(events);
  if (!marks) {
    marks = buildMarks(events);
    marksOfList.set(events, marks);
  }
  return marks;
}

function buildMarks(events: readonly NotableEvent[]): ChartMark[] {
  const marks: ChartMark[] = [];
  for (const e of events) {
    if (lineKindOf(e) === 'nothing') continue;
    marks.push({
      seq: e.seq,
      timeMs: e.timeMs,
      type: e.type,
      kind: markKindOf(e.type),
      text: markText(e.type, e.target, e.detail),
      detail: `${e.target}: ${e.detail}`,
      cause: e.cause,
    });
  }
  return marks.sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
}

/** Marks whose time falls inside [startS, endS]. */
export function marksBetween(marks: readonly ChartMark[], startS: number, endS: number): ChartMark[] {
  return marks.filter((m) => m.timeMs / 1000 >= startS && m.timeMs / 1000 <= endS);
}

/** For a chart's summary: "2 faults, 1 recovery and 1 change marked." */
export function marksText(marks: readonly ChartMark[]): string {
  const count = (kind: MarkKind) => marks.filter((m) => m.kind === kind).length;
  const [faults, recoveries, changes] = [count('fault'), count('recovery'), count('change')];
  const parts = [
    `${faults} fault${faults === 1 ? '' : 's'}`,
    ...(recoveries > 0 ? [`${recoveries} recover${recoveries === 1 ? 'y' : 'ies'}`] : []),
    ...(changes > 0 ? [`${changes} change${changes === 1 ? '' : 's'}`] : []),
  ];
  const last = parts.pop() as string;
  return `${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last} marked.`;
}
