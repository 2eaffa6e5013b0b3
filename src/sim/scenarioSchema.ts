// The scenario file format: what a cluster looks like and how it is loaded, before any fault.
// Validated with zod (strict: unknown keys are errors) because scenarios come from files and URLs.
import { z } from 'zod';
import './zodWords';
import { describeIssues, LONGEST_RUN_MS, LONGEST_WAIT_MS, type ParseResult } from './schemaBasics';
import { cacheTierSchema, scalingSchema, type Scaling } from './tierSchemas';
import { consumerGroupSchema, indexSchema, logSchema, MAX_GROUPS, pipelineProblems } from './pipeline/pipelineSchema';

export { describeIssues, LONGEST_RUN_MS, LONGEST_WAIT_MS, type ParseResult };

// Bounds follow from the model (docs/scenario-format.md, "Bounds"): nothing faster than the
// simulation can show, nothing longer than the longest run.
/** Hardware durations (detection, copies) may span a few years of hardware time, ms. */
const LONGEST_HARDWARE_MS = 1e11;
const HOUR_MS = 3_600_000;

const ms = (what: string, max: number) =>
  z.number().finite().nonnegative().max(max).describe(`${what}, in milliseconds`);
const share = (what: string) => z.number().min(0).max(1).describe(`${what}, a share from 0 to 1`);
const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be lower-case letters, digits and dashes, starting with a letter');

export const distributionSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({
      dist: z.literal('constant'),
      meanMs: z.number().nonnegative().max(LONGEST_WAIT_MS).describe('the value, ms'),
    }),
    z.strictObject({
      dist: z.literal('exponential'),
      meanMs: z.number().positive().max(LONGEST_WAIT_MS).describe('the mean, ms'),
    }),
    z.strictObject({
      dist: z.literal('lognormal'),
      medianMs: z.number().positive().max(LONGEST_WAIT_MS).describe('the median, ms'),
      sigma: z.number().min(0).max(3).describe('standard deviation of the underlying normal (shape)'),
    }),
  ])
  .describe('a distribution of durations');

export const retrySchema = z
  .strictObject({
    strategy: z.enum(['none', 'fixed', 'exponential', 'budget']).describe('how failed attempts are retried'),
    maxAttempts: z.number().int().min(1).max(10).describe('attempts per request, the first included'),
    baseDelayMs: ms('delay before the first retry', LONGEST_WAIT_MS),
    maxDelayMs: ms('cap on the backoff delay', LONGEST_WAIT_MS),
    jitter: z.boolean().describe('full jitter: the delay is drawn uniformly from 0 to the backoff'),
    budgetRatio: share('retries allowed per new request (retry budget strategy)'),
  })
  .describe('client retry policy');

/** A disk failed in hardware is swapped for an empty one after a day, as in a staffed data centre. */
export const DEFAULT_DISK_REPLACE_HOURS = 24;

export const hardwareFields = {
  diskMttfHours: z.number().min(1).max(1e12).describe('mean time to failure of one disk, hours'),
  nodeMttfHours: z.number().min(1).max(1e12).describe('mean time to failure of one machine, hours'),
  nodeRepairHours: z.number().min(0.001).max(1e5).describe('time a failed machine stays down, hours'),
  diskReplaceHours: z
    .number()
    .min(0.001)
    .max(1e5)
    .describe('time before a disk failed in hardware is replaced with an empty one, hours'),
  timeCompression: z
    .number()
    .min(1)
    .max(1e9)
    .describe('hardware hours per simulated hour: failures and repairs run this much faster'),
};

/** The fastest the whole fleet may fail: one disk (or one machine) per simulated millisecond on average. */
export const FLEET_FAILURE_MIN_MS = 1;

/**
 * Combinations of MTTF, fleet size and time compression whose fleet-wide failures would come
 * faster than one per simulated millisecond: a run that only fails parts teaches nothing and
 * never ends. The simulated mean time between failures of N parts is MTTF / (N × compression).
 */
export function fleetFailureProblems(
  h: { diskMttfHours: number; nodeMttfHours: number; timeCompression: number },
  disks: number,
  machines: number,
): { field: 'diskMttfHours' | 'nodeMttfHours'; message: string }[] {
  const problems: { field: 'diskMttfHours' | 'nodeMttfHours'; message: string }[] = [];
  const check = (field: 'diskMttfHours' | 'nodeMttfHours', count: number, what: string) => {
    if (!(h[field] >= 1)) return; // below its own bound: already refused, one message is enough
    const intervalMs = (h[field] * HOUR_MS) / (count * h.timeCompression);
    if (intervalMs >= FLEET_FAILURE_MIN_MS) return;
    const least = Number(((FLEET_FAILURE_MIN_MS * count * h.timeCompression) / HOUR_MS).toPrecision(3));
    problems.push({
      field,
      message: `with ${count} ${what} and timeCompression ${h.timeCompression}, one of them would fail every ${intervalMs.toPrecision(2)} simulated ms; use at least ${least} hours or a smaller timeCompression`,
    });
  };
  check('diskMttfHours', disks, 'disks');
  check('nodeMttfHours', machines, 'machines');
  return problems;
}

export const policySchema = z
  .strictObject({
    replicationFactor: z.number().int().min(1).max(5).describe('replicas per partition'),
    writeQuorum: z
      .number()
      .int()
      .min(1)
      .max(5)
      .describe('replicas that must persist a write before it is acknowledged'),
    readQuorum: z.number().int().min(1).max(5).describe('replicas that must answer a read'),
    timeoutMs: z.number().min(0.001).max(LONGEST_WAIT_MS).describe('client timeout per attempt, ms'),
    storageTimeoutMs: z
      .number()
      .min(0.001)
      .max(LONGEST_WAIT_MS)
      .describe('how long an app server waits for a quorum, ms'),
    retry: retrySchema,
    lbStrategy: z.enum(['round-robin', 'least-outstanding', 'power-of-two']).describe('load-balancer strategy'),
    healthChecks: z.boolean().describe('whether the load balancer probes servers at all'),
    healthCheckIntervalMs: z.number().min(1).max(LONGEST_WAIT_MS).describe('time between health probes, ms'),
    unhealthyThreshold: z.number().int().min(1).max(10).describe('failed probes in a row before a server is removed'),
    queueLimit: z.number().int().min(0).max(10_000).describe('requests an app server may queue; overflow is rejected'),
  })
  .describe('policies a user can change while the simulation runs');

/** Storage nodes' capacity; absent, every disk operation is served at once, in parallel without limit. */
export const storageCapacitySchema = z
  .strictObject({
    slots: z
      .number()
      .int()
      .min(1)
      .max(1024)
      .describe('disk operations one storage node serves at once (like IOPS slots)'),
    queueLimit: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .describe(
        'operations a storage node may queue while every slot is busy; overflow is rejected (the replica answers "overloaded")',
      ),
  })
  .describe('capacity of each storage node: concurrent operations and a bounded FIFO queue (an M/M/c queue)');

export const scheduledCommandSchema = z.strictObject({
  atMs: ms('when the command is applied', LONGEST_RUN_MS),
  command: z.record(z.string(), z.unknown()).describe('a command object, see docs/scenario-format.md (Commands)'),
});

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1).describe('format version'),
    id,
    name: z.string().min(1).max(80),
    description: z.string().max(1000),
    durationS: z
      .number()
      .min(0.001)
      .max(LONGEST_RUN_MS / 1000)
      .describe('default run length, simulated seconds'),
    racks: z.array(id).min(1).max(64).describe('rack ids; nodes are assigned to racks round-robin'),
    clients: z.strictObject({
      rateRps: z.number().nonnegative().max(1e6).describe('mean request arrival rate (Poisson), requests per second'),
      readShare: share('share of requests that are reads'),
      searchShare: share(
        'share of requests that are searches (served by the search index); the rest are writes',
      ).optional(),
      fanOut: z.number().int().min(1).max(200).describe('partitions a read touches; it completes when all answer'),
      writeFanOut: z
        .number()
        .int()
        .min(1)
        .max(200)
        .default(1)
        .describe(
          "partitions a write touches (e.g. copies into followers' timelines); acknowledged when all have their quorum",
        ),
    }),
    loadBalancer: z.strictObject({
      rack: id.describe('rack of the load balancer'),
    }),
    appServers: z.strictObject({
      count: z.number().int().min(1).max(1000),
      workers: z.number().int().min(1).max(256).describe('requests served in parallel per server'),
      serviceTime: distributionSchema,
      restartAfterMs: ms('a crashed server restarts by itself after this long; 0 = only by hand', LONGEST_RUN_MS),
    }),
    storage: z.strictObject({
      count: z.number().int().min(1).max(1000),
      disksPerNode: z.number().int().min(1).max(24),
      partitions: z.number().int().min(1).max(100_000),
      placement: z.enum(['rack-aware', 'random', 'single-rack']).describe('where replicas of a partition go'),
      diskLatency: distributionSchema,
      repairDetectMs: ms('time before a lost replica starts being rebuilt (hardware time)', LONGEST_HARDWARE_MS),
      repairCopyMs: ms('time to copy one replica onto a new disk (hardware time)', LONGEST_HARDWARE_MS),
      maxParallelRepairs: z.number().int().min(1).max(100_000).describe('replica copies in progress at once'),
      antiEntropyIntervalMs: z
        .number()
        .min(100)
        .max(LONGEST_RUN_MS)
        .describe('how often live replicas exchange missing writes (each pass visits every partition), ms'),
      capacity: storageCapacitySchema.optional(),
    }),
    network: z.strictObject({
      hopLatency: distributionSchema.describe('one-way latency of one network hop'),
      loss: share('probability that a message on one hop is lost'),
    }),
    hardwareFaults: z.strictObject({
      enabled: z.boolean(),
      diskMttfHours: hardwareFields.diskMttfHours,
      nodeMttfHours: hardwareFields.nodeMttfHours,
      nodeRepairHours: hardwareFields.nodeRepairHours,
      diskReplaceHours: hardwareFields.diskReplaceHours.default(DEFAULT_DISK_REPLACE_HOURS),
      timeCompression: hardwareFields.timeCompression,
    }),
    slo: z.strictObject({
      availability: z
        .number()
        .min(0)
        .lt(1)
        .describe('target share of requests that succeed (below 1: some error budget)'),
      latencyMsP99: z.number().positive().max(LONGEST_WAIT_MS).describe('target p99 latency, ms'),
    }),
    policy: policySchema,
    cache: cacheTierSchema.optional(),
    scaling: scalingSchema.optional(),
    log: logSchema.optional(),
    consumerGroups: z.array(consumerGroupSchema).max(MAX_GROUPS).optional(),
    index: indexSchema.optional(),
    schedule: z.array(scheduledCommandSchema).max(10_000).describe('commands applied at fixed simulated times'),
  })
  .superRefine((s, ctx) => {
    const racks = new Set(s.racks);
    if (racks.size !== s.racks.length)
      ctx.addIssue({ code: 'custom', path: ['racks'], message: 'rack ids must be unique' });
    if (!racks.has(s.loadBalancer.rack))
      ctx.addIssue({
        code: 'custom',
        path: ['loadBalancer', 'rack'],
        message: `unknown rack "${s.loadBalancer.rack}"`,
      });
    const p = s.policy;
    if (p.writeQuorum > p.replicationFactor)
      ctx.addIssue({ code: 'custom', path: ['policy', 'writeQuorum'], message: 'must not exceed replicationFactor' });
    if (p.readQuorum > p.replicationFactor)
      ctx.addIssue({ code: 'custom', path: ['policy', 'readQuorum'], message: 'must not exceed replicationFactor' });
    if (p.replicationFactor > s.storage.count)
      ctx.addIssue({ code: 'custom', path: ['policy', 'replicationFactor'], message: 'must not exceed storage.count' });
    const disks = s.storage.count * s.storage.disksPerNode;
    const machines = s.storage.count + s.appServers.count;
    tierProblems(s, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    pipelineProblems(s, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    for (const problem of fleetFailureProblems(s.hardwareFaults, disks, machines))
      ctx.addIssue({ code: 'custom', path: ['hardwareFaults', problem.field], message: problem.message });
  });

/** Checks that span the optional tiers and the rest: room to scale is at least the starting size. */
function tierProblems(
  s: { appServers: { count: number }; storage: { count: number }; cache?: { nodes: number }; scaling?: Scaling },
  add: (path: (string | number)[], message: string) => void,
): void {
  const scaling = s.scaling;
  if (scaling === undefined) return;
  const atLeast = (field: keyof Scaling, start: number, what: string) => {
    const value = scaling[field];
    if (typeof value === 'number' && value < start)
      add(['scaling', field], `must be at least the ${start} ${what} the run starts with`);
  };
  atLeast('maxAppServers', s.appServers.count, 'app servers');
  atLeast('maxStorageNodes', s.storage.count, 'storage nodes');
  if (s.cache !== undefined) atLeast('maxCacheNodes', s.cache.nodes, 'cache nodes');
  else if (scaling.maxCacheNodes !== undefined) add(['scaling', 'maxCacheNodes'], 'needs a cache tier (cache)');
  const auto = scaling.autoscaler;
  if (auto !== undefined) {
    const room = scaling.maxAppServers ?? s.appServers.count;
    if (auto.maxSize > room)
      add(['scaling', 'autoscaler', 'maxSize'], `must not exceed scaling.maxAppServers (${room})`);
  }
}

export type Scenario = z.infer<typeof scenarioSchema>;
export type Policy = z.infer<typeof policySchema>;
export type RetryPolicy = z.infer<typeof retrySchema>;
export type Distribution = z.infer<typeof distributionSchema>;

export function parseScenario(input: unknown): ParseResult<Scenario> {
  const result = scenarioSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describeIssues(result.error) };
}
