// Sorts notable events into what a reader scans for: a fault, a recovery, or a change someone
// made. Each kind has an icon and a word, so the log never relies on colour.
export type EventKind = 'fault' | 'recovery' | 'change';

const KINDS: Readonly<Record<string, EventKind>> = {
  nodeCrashed: 'fault',
  nodePoweredOff: 'fault',
  diskFailed: 'fault',
  linkPartitioned: 'fault',
  groupPartitioned: 'fault',
  serverRemoved: 'fault',
  writesLost: 'fault',
  partitionLost: 'fault',
  loadSpiked: 'fault',
  rackPowerFailed: 'fault',
  nodeSlowed: 'fault',
  poisonSent: 'fault',
  linkLossSet: 'fault',
  linkLatencySet: 'fault',
  // A rollout (and each canary stage) ships a configuration that makes servers fail or slow down.
  configRolledOut: 'fault',
  // Flushing a cache by mistake is a human error; every other tier event (nodes added, ready,
  // draining or removed, bigger machines, the autoscaler, partitions moved) is a change.
  cacheFlushed: 'fault',
  // The pipeline (issue 15): acknowledged events a new leader never had, and a consumer that lost
  // its place (it will process events again), are faults; elections from in-sync followers and a
  // rebuilt index node are recoveries; consumers joining, leaving or rebalancing, a rebuild
  // starting, and the log's and index's policies are changes.
  logEventsLost: 'fault',
  consumerRewound: 'fault',
  logLeadersElected: 'recovery',
  indexRebuilt: 'recovery',
  nodeRestarted: 'recovery',
  diskReplaced: 'recovery',
  linkHealed: 'recovery',
  networkHealed: 'recovery',
  serverRestored: 'recovery',
  loadSpikeEnded: 'recovery',
  configRolledBack: 'recovery',
  nodeSpeedRestored: 'recovery',
  replicaRebuilt: 'recovery',
};

export function kindOf(type: string): EventKind {
  return KINDS[type] ?? 'change';
}

export const KIND_ICONS: Readonly<Record<EventKind, string>> = { fault: '✗', recovery: '✓', change: '•' };
export const KIND_WORDS: Readonly<Record<EventKind, string>> = {
  fault: 'Fault',
  recovery: 'Recovery',
  change: 'Change',
};

/**
 * What a log line is, for the event log's filters: the event kinds above, plus a command that
 * changed nothing (a replayed no-op, a scheduled command that was skipped: never a recovery) and a
 * lesson's step.
 */
export type LineKind = EventKind | 'nothing' | 'lesson';

export function lineKindOf(e: { readonly type: string; readonly noop?: true }): LineKind {
  return e.noop || e.type === 'commandSkipped' ? 'nothing' : kindOf(e.type);
}

export const LINE_KIND_ICONS: Readonly<Record<LineKind, string>> = { ...KIND_ICONS, nothing: '–', lesson: '▸' };
export const LINE_KIND_WORDS: Readonly<Record<LineKind, string>> = {
  ...KIND_WORDS,
  nothing: 'Nothing changed',
  lesson: 'Lesson step',
};
