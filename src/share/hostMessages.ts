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

/**
 * The figures of the last complete one-second window (never a second still filling up), the run's
 * simulated time, and its durability and fingerprint. Before the first window closes the window
 * figures are null; latencies are null for a window in which no request succeeded.
 */
export interface MetricsSummary {
  readonly timeMs: number;
  readonly window: { readonly startMs: number; readonly endMs: number } | null;
  readonly availability: number | null;
  readonly latencyMsP50: number | null;
  readonly latencyMsP99: number | null;
  readonly servedRps: number | null;
  readonly ackedWritesLost: number;
  readonly logHash: string;
}

/** The tallest height a lab asks its host for: a bound, so a runaway layout cannot ask for more. */
export const MAX_RESIZE_HEIGHT_PX = 20_000;

/** The height in CSS pixels the lab needs to show everything without scrolling in its frame. */
export interface ResizeMessage {
  readonly type: 'faultline:resize';
  readonly height: number;
}

/** What the lab tells its host. */
export type LabMessage =
  | { readonly type: 'faultline:ready' }
  | ResizeMessage
  | { readonly type: 'faultline:fault'; readonly timeMs: number; readonly description: string }
  | { readonly type: 'faultline:metrics'; readonly summary: MetricsSummary }
  | { readonly type: 'faultline:error'; readonly message: string };

/**
 * The message that asks the host for a frame `heightPx` tall (CSS pixels): a whole number, at
 * least 1, at most MAX_RESIZE_HEIGHT_PX, so a host can set `iframe.style.height` from it as is.
 */
export function resizeMessage(heightPx: number): ResizeMessage {
  const height = Number.isFinite(heightPx) ? Math.min(MAX_RESIZE_HEIGHT_PX, Math.max(1, Math.ceil(heightPx))) : 1;
  return { type: 'faultline:resize', height };
}
