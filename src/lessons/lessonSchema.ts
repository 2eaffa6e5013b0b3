// A lesson is data, not a component: a scenario to start from and steps that each explain,
// optionally ask for a prediction, wait for the learner's own action, and reveal figures
// measured in the learner's run. Validated with zod so lessons can also come from JSON.
import { z } from 'zod';
import { oddsSchema, oddsStats } from './oddsSchema';
import { pipelineGaugeStats, pipelineTotalStats, pipelineWindowStats } from './pipelineFigures';

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'must be lower-case letters, digits and dashes');
const figureId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,47}$/, 'must be letters and digits, starting with a letter');
const commandObject = z.record(z.string(), z.unknown()).describe('a simulation command, checked when applied');

/** A marked moment: when a step began (`step:<id>`) or when its action happened (`action:<id>`). */
const markRef = z.string().regex(/^(step|action):[a-z][a-z0-9-]*$/, 'must be step:<step id> or action:<step id>');

/** A moment of the run: a mark or now, plus an offset. */
export const momentSchema = z.strictObject({
  mark: z.union([z.literal('now'), markRef]),
  plusMs: z.number().finite().default(0),
});

export const windowStats = [
  'availability',
  'servedRps',
  'offeredRps',
  'storageRps',
  'serverWorkMs',
  'mean',
  'p50',
  'p95',
  'p99',
  'p999',
  'succeeded',
  'failed',
  'rejected',
  'timedOut',
  'attempts',
  'offered',
  'amplification',
  // With a cache tier (issue 14): its hit ratio over the span, storage operations a full queue
  // rejected, stale reads; with scaling, app servers serving at each second's end.
  'hitRatio',
  'storageRejected',
  'staleReads',
  'appServersUp',
  // With a log (issue 15): appends, searches and lags (see pipelineFigures.ts).
  ...pipelineWindowStats,
] as const;
export const totalStats = [
  'issued',
  'succeeded',
  'failed',
  'retries',
  'rejected',
  'timedOut',
  'errors',
  'attempts',
  'storageRequests',
  'writesAcked',
  'ackedWritesLost',
  'partitionsLost',
  'diskFailures',
  'nodeFailures',
  'repairsCompleted',
  'hardwareHours',
  ...pipelineTotalStats,
] as const;
export const currentStats = [
  'underReplicatedPartitions',
  'unavailablePartitions',
  'latencyMean',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'latencyP999',
  'availability',
  'nodesDown',
] as const;
export const units = ['ms', 'percent', 'count', 'rps', 'ratio', 'hours'] as const;

/** How a figure is measured from the run. */
export const measureSchema = z.discriminatedUnion('kind', [
  // Over the one-second windows between two moments: counts are summed, rates and latencies
  // aggregated as asked, availability and amplification are computed from the summed counts.
  z.strictObject({
    kind: z.literal('windows'),
    stat: z.enum(windowStats),
    from: momentSchema,
    to: momentSchema,
    agg: z.enum(['mean', 'max', 'min', 'sum', 'median']).default('mean'),
  }),
  // A cumulative counter's growth between a moment and now.
  z.strictObject({ kind: z.literal('total'), stat: z.enum(totalStats), since: markRef.optional() }),
  // Time from a moment until a gauge first reads at most `atMost` (within `to`), ms: a drain time.
  z.strictObject({
    kind: z.literal('timeUntil'),
    stat: z.enum(pipelineGaugeStats),
    atMost: z.number().finite(),
    from: momentSchema,
    to: momentSchema,
  }),
  // A value as it stands now (latency figures are since the run began).
  z.strictObject({ kind: z.literal('current'), stat: z.enum(currentStats) }),
  // Share of all successful requests since the run began slower than a threshold.
  z.strictObject({ kind: z.literal('shareAbove'), thresholdMs: z.number().positive() }),
  // Arithmetic on figures recorded earlier in the lesson.
  z.strictObject({ kind: z.literal('ratio'), of: figureId, to: figureId }),
  z.strictObject({ kind: z.literal('difference'), of: figureId, minus: figureId }),
  // A number known from theory or the scenario, stated so a reveal can compare against it.
  z.strictObject({ kind: z.literal('constant'), value: z.number().finite() }),
  // One value of an odds step's case, measured by its sweep (see oddsSchema.ts), not by the run.
  z.strictObject({ kind: z.literal('odds'), case: z.string().min(1), stat: z.enum(oddsStats) }),
]);

export const figureSchema = z.strictObject({
  id: figureId,
  label: z.string().min(1).max(120),
  unit: z.enum(units),
  measure: measureSchema,
});

export const predictionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    question: z.string().min(1).max(400),
    options: z
      .array(z.strictObject({ id: slug, label: z.string().min(1).max(200) }))
      .min(2)
      .max(6),
    answer: slug,
  }),
  z.strictObject({
    kind: z.literal('number'),
    question: z.string().min(1).max(400),
    unit: z.enum(units),
    // The right answer: a figure measured in the run (compared after the reveal) or a constant.
    answer: z.union([figureId, z.number().finite()]),
    tolerance: z.number().positive().max(10).describe('relative: 0.25 means within 25%'),
    min: z.number().finite(),
    max: z.number().finite(),
  }),
]);

/** Which commands count as the step's action, e.g. "crash any app server". */
export const actionMatchSchema = z.strictObject({
  type: z.string().min(1),
  nodeKind: z.enum(['clients', 'loadBalancer', 'app', 'storage', 'cache', 'broker', 'consumer', 'index']).optional(),
  // Fields the command must carry with exactly these values (shallow, or `policy` one level deep).
  fields: z.record(z.string(), z.unknown()).optional(),
});

export const actionSchema = z.strictObject({
  prompt: z.string().min(1).max(300),
  match: z.array(actionMatchSchema).min(1),
  // What the headless claim tests do in the learner's place; must satisfy `match`.
  perform: z.array(commandObject).min(1),
  // A baseline: simulated time the step runs before the action is asked for (the lab holds
  // playback there and only then counts the action; the headless runner acts at that moment).
  afterMs: z.number().nonnegative().default(0),
});

export const stepSchema = z.strictObject({
  id: slug,
  title: z.string().min(1).max(80),
  prose: z.string().min(1).max(4000),
  // Start a fresh run of the lesson scenario with these changes before the step (a comparison).
  restart: z.record(z.string(), z.unknown()).optional(),
  setup: z.array(commandObject).default([]),
  prediction: predictionSchema.optional(),
  action: actionSchema.optional(),
  // Simulated time to watch after the action (or after the step began if there is none).
  observeMs: z.number().nonnegative().max(1e8).default(0),
  figures: z.array(figureSchema).default([]),
  reveal: z.string().max(4000).optional(),
  // Only these controls are offered during the step (ids of menu items and panels).
  only: z.array(z.string().min(1)).optional(),
  // The same question over many seeds: a sweep per case, shown beside the Markov model.
  odds: oddsSchema.optional(),
});

export const claimSchema = z.strictObject({
  id: slug,
  text: z.string().min(1).max(400),
  figure: figureId,
  op: z.enum(['<', '<=', '>', '>=']),
  // A number, or another figure times a factor.
  than: z.union([z.number().finite(), z.strictObject({ figure: figureId, times: z.number().positive().default(1) })]),
  // Share of seeds in which the claim must hold (1 = always). Below 1 the text must say so.
  rate: z.number().min(0.5).max(1).default(1),
});

export const lessonSchema = z.strictObject({
  id: slug,
  number: z.number().int().min(1).max(99),
  title: z.string().min(1).max(80),
  summary: z.string().min(1).max(400),
  minutes: z.number().int().min(1).max(30),
  scenario: z.string().min(1).describe('a built-in scenario id'),
  edits: z.record(z.string(), z.unknown()).default({}),
  steps: z.array(stepSchema).min(2).max(20),
  claims: z.array(claimSchema).min(1),
  conclusion: z.string().min(1).max(4000),
  freeExperiment: z.string().min(1).max(1000),
});

export type Lesson = z.output<typeof lessonSchema>;
export type LessonInput = z.input<typeof lessonSchema>;
export type Step = z.output<typeof stepSchema>;
export type Figure = z.output<typeof figureSchema>;
export type Measure = z.output<typeof measureSchema>;
export type Moment = z.output<typeof momentSchema>;
export type Prediction = z.output<typeof predictionSchema>;
export type ActionMatch = z.output<typeof actionMatchSchema>;
export type Claim = z.output<typeof claimSchema>;
export type Unit = (typeof units)[number];
