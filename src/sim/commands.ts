// What a user (or a scenario's schedule) asks the simulation to do, as typed, validated data.
// Names follow the words on screen: "Crash node" -> crashNode. Semantic checks (does the target
// exist?) happen in the simulation; this file checks shape and ranges.
import { indexModes, logPolicyFields } from './pipeline/pipelineSchema';
import { z } from 'zod';
import { describeIssues, hardwareFields, LONGEST_RUN_MS, policySchema, type ParseResult } from './scenarioSchema';
import { cachePolicyFields } from './tierSchemas';
import { autoscalerPolicySchema } from './scaling/autoscalerSchema';

const tier = z.enum(['app', 'cache', 'storage']).describe('which tier: app servers, cache nodes or storage nodes');

const nodeId = z.string().min(1).max(64);
const linkId = z.string().min(1).max(140).describe('two node ids joined by "~", e.g. "lb~app-1"');
const ms = z.number().finite().nonnegative();

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('crashNode'), nodeId }),
  z.strictObject({ type: z.literal('restartNode'), nodeId }),
  z.strictObject({ type: z.literal('failDisk'), nodeId, disk: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('replaceDisk'), nodeId, disk: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('slowNode'), nodeId, factor: z.number().min(1).max(1000) }),
  z.strictObject({ type: z.literal('partitionLink'), linkId }),
  z.strictObject({ type: z.literal('healLink'), linkId }),
  z.strictObject({ type: z.literal('partitionGroup'), nodeIds: z.array(nodeId).min(1).max(2000) }),
  z.strictObject({ type: z.literal('healAll') }),
  z.strictObject({ type: z.literal('setLinkLoss'), linkId, loss: z.number().min(0).max(1) }),
  z.strictObject({ type: z.literal('setLinkLatency'), linkId, extraMs: z.number().min(0).max(60_000) }),
  z.strictObject({
    type: z.literal('spikeLoad'),
    multiplier: z.number().min(0).max(100),
    durationMs: z.number().positive().max(LONGEST_RUN_MS),
  }),
  z.strictObject({
    type: z.literal('powerFailRack'),
    rackId: z.string().min(1).max(64),
    durationMs: ms.max(LONGEST_RUN_MS).describe('0 = until restoreRackPower'),
    diskFailShare: z.number().min(0).max(1).describe('share of the rack disks that do not survive the outage'),
  }),
  z.strictObject({ type: z.literal('restoreRackPower'), rackId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('sendPoisonRequests'), count: z.number().int().min(1).max(1000) }),
  z.strictObject({
    type: z.literal('rollOutConfig'),
    mode: z.enum(['all-at-once', 'canary']),
    nodeIds: z.array(nodeId).max(1000).describe('app servers to change; empty = all'),
    errorShare: z.number().min(0).max(1).describe('share of requests a bad server fails'),
    slowShare: z.number().min(0).max(1).describe('share of requests a bad server serves slowly'),
    slowFactor: z.number().min(1).max(1000),
    canaryCount: z.number().int().min(1).max(1000),
    stageDelayMs: ms.max(LONGEST_RUN_MS).describe('canary mode: wait before the rest get the change'),
  }),
  z.strictObject({ type: z.literal('rollBack') }),
  z.strictObject({ type: z.literal('setPolicy'), policy: policySchema.partial() }),
  z.strictObject({
    type: z.literal('setLoad'),
    rateRps: z.number().nonnegative().max(1e6).optional(),
    readShare: z.number().min(0).max(1).optional(),
    searchShare: z.number().min(0).max(1).optional(),
    fanOut: z.number().int().min(1).max(200).optional(),
    writeFanOut: z.number().int().min(1).max(200).optional(),
  }),
  z.strictObject({
    type: z.literal('setHardwareFaults'),
    enabled: z.boolean(),
    diskMttfHours: hardwareFields.diskMttfHours.optional(),
    nodeMttfHours: hardwareFields.nodeMttfHours.optional(),
    diskReplaceHours: hardwareFields.diskReplaceHours.optional(),
    timeCompression: hardwareFields.timeCompression.optional(),
  }),
  // Scaling (scenario.scaling): nodes join after the provisioning delay; a removed app server drains or stops at once.
  z.strictObject({ type: z.literal('addNode'), tier }),
  z.strictObject({
    type: z.literal('removeNode'),
    nodeId,
    mode: z.enum(['drain', 'stop']).describe('drain: finish the requests it holds first; stop: at once'),
  }),
  z.strictObject({
    type: z.literal('scaleUp'),
    tier,
    factor: z.number().min(0.1).max(16).describe('how many times faster each machine of the tier serves'),
  }),
  z.strictObject({ type: z.literal('setAutoscaler'), policy: autoscalerPolicySchema.nullable() }),
  // The cache tier (scenario.cache).
  z.strictObject({ type: z.literal('flushCache'), nodeId }),
  z.strictObject({
    type: z.literal('setStorageQueueLimit'),
    queueLimit: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .describe('operations a storage node may queue; lower sheds load sooner (needs storage.capacity)'),
  }),
  z.strictObject({ type: z.literal('setCache'), policy: z.strictObject(cachePolicyFields).partial() }),
  // The data pipeline (scenario.log, consumerGroups, index).
  z.strictObject({ type: z.literal('addConsumer'), group: z.string().min(1).max(16).describe('the group to join') }),
  z.strictObject({ type: z.literal('removeConsumer'), nodeId }),
  z.strictObject({ type: z.literal('setLog'), policy: z.strictObject(logPolicyFields).partial() }),
  z.strictObject({ type: z.literal('setIndexMode'), mode: z.enum(indexModes) }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

export function parseCommand(input: unknown): ParseResult<Command> {
  const result = commandSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describeIssues(result.error) };
}

/** A command with the simulated time at which it takes effect: the unit of a reproducible run. */
export interface TimedCommand {
  readonly atMs: number;
  readonly command: Command;
}

export function linkIdOf(a: string, b: string): string {
  return `${a}~${b}`;
}
