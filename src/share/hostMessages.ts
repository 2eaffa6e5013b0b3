// The postMessage API between a page and the lab embedded in it (documented in
// docs/embedding.md). Messages from the host are validated with zod; anything else is ignored.
import { z } from 'zod';

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('faultline:play') }),
  z.strictObject({ type: z.literal('faultline:pause') }),
  z.strictObject({ type: z.literal('faultline:seek'), timeMs: z.number().finite().nonnegative() }),
  // An experiment as the `x` value of a link (`#x=…`).
  z.strictObject({ type: z.literal('faultline:load'), experiment: z.string().min(1).max(8000) }),
  z.strictObject({ type: z.literal('faultline:getSummary') }),
]);

export type HostMessage = z.infer<typeof hostMessageSchema>;

export interface MetricsSummary {
  readonly timeMs: number;
  readonly availability: number;
  readonly latencyMsP50: number;
  readonly latencyMsP99: number;
  readonly servedRps: number;
  readonly ackedWritesLost: number;
  readonly logHash: string;
}

/** What the lab tells its host. */
export type LabMessage =
  | { readonly type: 'faultline:ready' }
  | { readonly type: 'faultline:fault'; readonly timeMs: number; readonly description: string }
  | { readonly type: 'faultline:metrics'; readonly summary: MetricsSummary }
  | { readonly type: 'faultline:error'; readonly message: string };
