// The data pipeline's parts of a scenario: a replicated log of change events (brokers, one topic),
// consumer groups reading it (an indexer and a notifier), and a search index fed by the indexer.
// All absent from older scenarios, which then run exactly as before. The checks that span parts
// (a group on a topic that does not exist, acks 'all' with a minimum above the replication
// factor) are in pipelineProblems(), each naming the field at fault.
import { z } from 'zod';
import '../zodWords';
import { LONGEST_RUN_MS, LONGEST_WAIT_MS } from '../schemaBasics';
import { MAX_CONSUMERS, MAX_PARTITIONS } from '../log/consumerGroup';
import { MAX_REPLICATION_FACTOR, MAX_RETENTION_COUNT } from '../log/partitionLog';

/** The most brokers and index nodes a scenario may have (a lab needs few; the picture stays legible). */
export const MAX_BROKERS = 32;
export const MAX_INDEX_NODES = 32;
export const MAX_GROUPS = 4;

const workTime = (what: string) =>
  z
    .discriminatedUnion('dist', [
      z.strictObject({ dist: z.literal('constant'), meanMs: z.number().positive().max(LONGEST_WAIT_MS) }),
      z.strictObject({ dist: z.literal('exponential'), meanMs: z.number().positive().max(LONGEST_WAIT_MS) }),
    ])
    .describe(what);

const waitMs = (what: string, max = LONGEST_WAIT_MS) => z.number().finite().nonnegative().max(max).describe(what);

export const logAcksValues = ['leader', 'all'] as const;

/** The log's settings a user may change while the run goes on (setLog). */
export const logPolicyFields = {
  acks: z
    .enum(logAcksValues)
    .describe('when an append counts as written: once the leader has it, or once every in-sync replica has it'),
  minInSync: z
    .number()
    .int()
    .min(1)
    .max(MAX_REPLICATION_FACTOR)
    .describe("with acks 'all', appends are refused while fewer replicas than this are in sync"),
  retentionMs: z
    .number()
    .finite()
    .positive()
    .max(LONGEST_RUN_MS)
    .nullable()
    .describe('events older than this are deleted, in milliseconds; null keeps them (up to retentionEvents)'),
};

export const logSchema = z
  .strictObject({
    topic: z.string().min(1).max(40).describe('the topic that carries the change events'),
    brokers: z.number().int().min(1).max(MAX_BROKERS).describe('broker nodes, each with one disk'),
    partitions: z.number().int().min(1).max(MAX_PARTITIONS).describe('partitions of the topic'),
    replicationFactor: z.number().int().min(1).max(MAX_REPLICATION_FACTOR).describe('copies of each partition'),
    ...logPolicyFields,
    // Absent means no time limit: a link's edits cannot carry a null (a merge patch deletes the key).
    retentionMs: logPolicyFields.retentionMs.default(null),
    retentionEvents: z
      .number()
      .int()
      .min(1)
      .max(MAX_RETENTION_COUNT)
      .describe('events each partition keeps at most (a size limit)'),
    fetchIntervalMs: z
      .number()
      .min(1)
      .max(60_000)
      .describe('how often followers fetch from their leader, ms (what acks from the leader only risks)'),
    lagBoundMs: z
      .number()
      .min(1)
      .max(LONGEST_WAIT_MS)
      .describe('a follower not caught up for longer than this leaves the in-sync set, ms'),
    electionDelayMs: waitMs("time to notice a leader's broker is gone and elect another, ms"),
  })
  .describe('a replicated log (like Kafka) that every acknowledged write appends a change event to');

export const consumerRoles = ['indexer', 'notifier'] as const;
export type ConsumerRole = (typeof consumerRoles)[number];

export const consumerGroupSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9]{0,15}$/, 'must be lower-case letters and digits, starting with a letter')
      .describe('the group name; its consumers are called name-1, name-2, …'),
    role: z.enum(consumerRoles).describe('what processing an event does: update the search index, or send an email'),
    topic: z.string().min(1).max(40).describe('the topic the group reads'),
    consumers: z.number().int().min(1).max(MAX_CONSUMERS).describe('consumers at the start'),
    maxConsumers: z
      .number()
      .int()
      .min(1)
      .max(MAX_CONSUMERS)
      .describe('most consumers the group may grow to while running'),
    workers: z.number().int().min(1).max(64).describe('events one consumer processes at once'),
    serviceTime: workTime('time to process one event'),
    commitIntervalMs: z.number().min(1).max(LONGEST_WAIT_MS).describe('how often consumers commit their offsets, ms'),
    rebalancePauseMs: waitMs('time the group stops while partitions are reassigned, ms'),
    assignment: z.enum(['range', 'roundRobin']).describe('how partitions are dealt to consumers'),
  })
  .describe('a consumer group: consumers that share the partitions of a topic');

export const indexModes = ['log', 'sync'] as const;
export type IndexMode = (typeof indexModes)[number];

export const indexSchema = z
  .strictObject({
    nodes: z.number().int().min(1).max(MAX_INDEX_NODES).describe('index nodes'),
    shards: z.number().int().min(1).max(256).describe('shards the documents are split into'),
    replicas: z.number().int().min(1).max(MAX_INDEX_NODES).describe('copies of each shard (on different nodes)'),
    mode: z
      .enum(indexModes)
      .describe('how writes reach the index: through the log (fast writes, stale searches) or in the write path'),
    searchTime: workTime('time an index node takes to answer one search'),
    indexWriteTime: workTime('time an index node takes to apply one write (sync mode adds it to the write)'),
    keys: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .describe('documents (keys) when there is no cache tier; with one, the cache tier’s keys are used'),
    zipfExponent: z.number().min(0).max(3).describe('how skewed searches and writes are over keys (no cache tier)'),
    replayEventsPerSecond: z
      .number()
      .positive()
      .max(1e9)
      .describe('events per second an index node replays from the log when it rebuilds'),
    snapshotKeysPerSecond: z
      .number()
      .positive()
      .max(1e9)
      .describe('documents per second an index node loads from a database snapshot (or copies from a replica)'),
  })
  .describe('a search index kept up to date from the log by the indexer');

export type LogSettings = z.infer<typeof logSchema>;
export type ConsumerGroupSettings = z.infer<typeof consumerGroupSchema>;
export type IndexSettings = z.infer<typeof indexSchema>;

interface PipelineParts {
  readonly clients: { readonly readShare: number; readonly searchShare?: number | undefined };
  readonly log?: LogSettings | undefined;
  readonly consumerGroups?: readonly ConsumerGroupSettings[] | undefined;
  readonly index?: IndexSettings | undefined;
}

/** Problems that span the pipeline's parts, each with the path of the field at fault. */
export function pipelineProblems(s: PipelineParts, add: (path: (string | number)[], message: string) => void): void {
  const log = s.log;
  if (log !== undefined) {
    if (log.replicationFactor > log.brokers)
      add(['log', 'replicationFactor'], `must not exceed log.brokers (${log.brokers})`);
    if (log.minInSync > log.replicationFactor)
      add(['log', 'minInSync'], `must not exceed log.replicationFactor (${log.replicationFactor})`);
    if (log.lagBoundMs <= log.fetchIntervalMs)
      add(['log', 'lagBoundMs'], `must be longer than log.fetchIntervalMs (${log.fetchIntervalMs} ms)`);
  }
  const groups = s.consumerGroups ?? [];
  if (groups.length > MAX_GROUPS) add(['consumerGroups'], `at most ${MAX_GROUPS} groups`);
  const names = new Set<string>();
  const roles = new Set<string>();
  groups.forEach((g, i) => {
    if (log === undefined) add(['consumerGroups', i, 'topic'], `topic "${g.topic}" does not exist: there is no log`);
    else if (g.topic !== log.topic)
      add(['consumerGroups', i, 'topic'], `topic "${g.topic}" does not exist (the log's topic is "${log.topic}")`);
    if (names.has(g.name)) add(['consumerGroups', i, 'name'], `another group is called "${g.name}"`);
    if (roles.has(g.role)) add(['consumerGroups', i, 'role'], `another group already has the role "${g.role}"`);
    names.add(g.name);
    roles.add(g.role);
    if (g.maxConsumers < g.consumers)
      add(['consumerGroups', i, 'maxConsumers'], `must be at least consumers (${g.consumers})`);
  });
  const index = s.index;
  if (index !== undefined) {
    if (index.replicas > index.nodes) add(['index', 'replicas'], `must not exceed index.nodes (${index.nodes})`);
    if (index.mode === 'log' && !roles.has('indexer'))
      add(['index', 'mode'], '\'log\' needs a consumer group with the role "indexer" (consumerGroups)');
  }
  const searchShare = s.clients.searchShare ?? 0;
  if (searchShare > 0 && index === undefined) add(['clients', 'searchShare'], 'searches need a search index (index)');
  if (s.clients.readShare + searchShare > 1 + 1e-9)
    add(
      ['clients', 'searchShare'],
      `readShare + searchShare must not exceed 1 (it is ${s.clients.readShare + searchShare})`,
    );
}
