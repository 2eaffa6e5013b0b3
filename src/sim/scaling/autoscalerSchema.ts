// The app tier's autoscaler policy, as a scenario's scaling.autoscaler gives it. Validated with zod, strict, each message naming its field, because
// policies come from files, links and the Architecture control. The decision it drives is in
// autoscaler.ts; docs/model.md, "Autoscaler and cost (decision model)", explains each field.
import { z } from 'zod';
import '../zodWords';
import { describeIssues, LONGEST_WAIT_MS, type ParseResult } from '../schemaBasics';

/** The most app servers a tier may have: a bound on every array the wiring sizes by it. */
export const MAX_TIER_SIZE = 1000;
const HOUR_MS = 3_600_000;

const size = (what: string) => z.number().int().min(1).max(MAX_TIER_SIZE).describe(what);
const ms = (what: string, max: number) =>
  z.number().finite().nonnegative().max(max).describe(`${what}, in milliseconds`);

/** Fields every mode shares. Defaults follow Kubernetes' HorizontalPodAutoscaler where it has one. */
const common = {
  minSize: size('fewest app servers the autoscaler keeps'),
  maxSize: size('most app servers the autoscaler starts'),
  evaluationIntervalMs: z
    .number()
    .int()
    .min(1000)
    .max(HOUR_MS)
    .multipleOf(1000, 'must be whole seconds (metrics are kept per second)')
    .describe('time between two looks at the metric, in milliseconds'),
  cooldownMs: ms('time after a scaling decision during which no other is made', HOUR_MS),
  provisioningDelayMs: ms('time from asking for a server until it serves', LONGEST_WAIT_MS),
  tolerance: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.1)
    .describe('how far the metric may stray from the target, as a share of it, before anything is done'),
  scaleInStabilizationMs: ms('how long the metric must stay low before servers are removed', HOUR_MS).default(300_000),
  scaleInMaxStep: size('most app servers removed by one decision').default(MAX_TIER_SIZE),
  scaleInMaxShare: z
    .number()
    .gt(0)
    .max(1)
    .default(1)
    .describe('most of the tier removed by one decision, a share from 0 to 1 (at least one server)'),
};

export const autoscalerPolicySchema = z
  .discriminatedUnion(
    'mode',
    [
      z.strictObject({
        mode: z.literal('utilization'),
        targetUtilization: z
          .number()
          .gt(0)
          .lt(1)
          .describe('share of worker time the tier should be busy, from 0 to 1 (e.g. 0.6)'),
        ...common,
      }),
      z.strictObject({
        mode: z.literal('p99'),
        targetP99Ms: z
          .number()
          .positive()
          .max(LONGEST_WAIT_MS)
          .describe('p99 latency of all requests the tier should keep, in milliseconds'),
        ...common,
      }),
    ],
    { error: 'must be "utilization" or "p99"' },
  )
  .superRefine((p, ctx) => {
    if (p.maxSize < p.minSize)
      ctx.addIssue({ code: 'custom', path: ['maxSize'], message: `must be at least minSize (${p.minSize})` });
    // Utilization never exceeds 100%: a target whose band reaches it could never scale out.
    if (p.mode === 'utilization' && p.targetUtilization * (1 + p.tolerance) >= 1)
      ctx.addIssue({
        code: 'custom',
        path: ['targetUtilization'],
        message: `must leave room for the tolerance: utilization would have to exceed ${percent(
          p.targetUtilization * (1 + p.tolerance),
        )}, which it never does`,
      });
  })
  .describe("the app tier's autoscaler");

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export type AutoscalerPolicy = z.infer<typeof autoscalerPolicySchema>;
/** A policy as written in a file: the fields with defaults may be left out. */
export type AutoscalerPolicyInput = z.input<typeof autoscalerPolicySchema>;

export function parseAutoscalerPolicy(input: unknown): ParseResult<AutoscalerPolicy> {
  const result = autoscalerPolicySchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describeIssues(result.error) };
}
