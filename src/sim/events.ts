// What happens inside the simulation. Scheduled event kinds are small integers packed into the
// event queue's payload (index * KIND_SPAN + kind) so the hot loop allocates nothing; the
// observed events are the past-tense records that tests and the event log see.

export const EventKind = {
  arrival: 0,
  serverArrival: 1,
  serviceDone: 2,
  replyArrival: 3,
  attemptTimeout: 4,
  retryDue: 5,
  healthCheck: 6,
  diskFailureDue: 7,
  nodeFailureDue: 8,
  nodeRestartDue: 9,
  repairDetected: 10,
  repairDone: 11,
  antiEntropy: 12,
  commandDue: 13,
  spikeEnd: 14,
  rolloutStage: 15,
  windowClose: 16,
  diskReplaceDue: 17,
  /** A storage read for a cache miss reached its app server: the cache is filled. */
  cacheFill: 18,
  /** An added cache node finished provisioning and joins the placement. */
  cacheNodeReady: 19,
  // 20 to 24: scaling (scaling/, cluster/nodeSlots.ts, cluster/storageMoves.ts).
  nodeReady: 20,
  drainCheck: 21,
  moveDone: 22,
  // 25 to 30: the data pipeline (pipeline/pipelineEvents.ts).
  /** Followers fetch from their leaders; the in-sync sets and retention are kept. */
  logFetch: 25,
  /** The controller elects leaders for partitions whose leader's broker is gone. */
  logElection: 26,
  /** A consumer's worker finished an event. */
  consumerDone: 27,
  /** A group's consumers commit their offsets. */
  consumerCommit: 28,
  /** A group's rebalance pause is over: partitions are dealt again. */
  rebalanceDone: 29,
  /** An index node finished rebuilding or copying its shards. */
  indexRecovered: 30,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const KIND_BITS = 5;
export const KIND_SPAN = 1 << KIND_BITS;

export type AttemptOutcome = 'ok' | 'error' | 'rejected' | 'unavailable';

/** Past-tense records for observers (tests, invariant checkers). Only built when someone listens. */
export type ObservedEvent =
  | { type: 'requestIssued'; timeMs: number; request: number; write: boolean; poison: boolean }
  | { type: 'attemptSent'; timeMs: number; request: number; attempt: number; server: number }
  | { type: 'requestReceived'; timeMs: number; request: number; server: number; sentMs: number }
  | { type: 'serviceCompleted'; timeMs: number; server: number }
  | { type: 'replyReceived'; timeMs: number; request: number; server: number; outcome: AttemptOutcome }
  | { type: 'attemptTimedOut'; timeMs: number; request: number }
  | { type: 'requestSucceeded'; timeMs: number; request: number; latencyMs: number }
  | { type: 'requestFailed'; timeMs: number; request: number }
  | { type: 'nodeDown'; timeMs: number; node: number }
  | { type: 'nodeUp'; timeMs: number; node: number }
  | { type: 'linkChanged'; timeMs: number; link: number; cut: boolean }
  | { type: 'sidesChanged'; timeMs: number; sides: readonly number[] }
  | { type: 'writeAcked'; timeMs: number; partition: number; mask: number }
  | { type: 'replicaDestroyed'; timeMs: number; partition: number; slot: number }
  | { type: 'replicaRebuilt'; timeMs: number; partition: number; slot: number; fromSlot: number }
  | { type: 'replicasSynced'; timeMs: number; partition: number; group: number }
  | { type: 'writesLost'; timeMs: number; partition: number; count: number };

export type Observer = (event: ObservedEvent) => void;
