// What each link looks like: its fault settings (cut, loss, added latency) from the link frame,
// and its traffic from the difference of the cumulative message counters between two frames at
// least RATE_WINDOW_MS of simulated time apart (one frame alone is too short to be steady).
import type { Frame, LinkFrame } from '../../sim/index';
import type { Bundle } from './layout';

export const RATE_WINDOW_MS = 500;

interface Sample {
  readonly timeMs: number;
  readonly sent: Float64Array;
  readonly dropped: Float64Array;
}

export interface LinkRates {
  /** Messages per simulated second, per link. */
  readonly sentPerSecond: Float64Array;
  /** Share of the messages sent that were dropped, per link (0 when none were sent). */
  readonly droppedShare: Float64Array;
  readonly maxSentPerSecond: number;
}

export interface RateState {
  readonly frame: Frame | null;
  readonly anchor: Sample | null;
  readonly rates: LinkRates | null;
}

export const NO_RATES: RateState = { frame: null, anchor: null, rates: null };

/** The next rate state after a new frame; the rates change only once a full window has passed. */
export function advanceRates(state: RateState, frame: Frame | null): RateState {
  if (!frame?.linkSent || !frame.linkDropped) return { frame, anchor: null, rates: null };
  const anchor = state.anchor;
  const sample = { timeMs: frame.timeMs, sent: frame.linkSent, dropped: frame.linkDropped };
  if (!anchor || frame.timeMs < anchor.timeMs || anchor.sent.length !== sample.sent.length) {
    return { frame, anchor: sample, rates: null };
  }
  const elapsedMs = frame.timeMs - anchor.timeMs;
  if (elapsedMs < RATE_WINDOW_MS) return { frame, anchor, rates: state.rates };
  const n = sample.sent.length;
  const sentPerSecond = new Float64Array(n);
  const droppedShare = new Float64Array(n);
  let max = 0;
  for (let l = 0; l < n; l++) {
    const sent = (sample.sent[l] as number) - (anchor.sent[l] as number);
    const dropped = (sample.dropped[l] as number) - (anchor.dropped[l] as number);
    sentPerSecond[l] = (sent * 1000) / elapsedMs;
    droppedShare[l] = sent > 0 ? Math.min(1, dropped / sent) : 0;
    max = Math.max(max, sentPerSecond[l] as number);
  }
  return { frame, anchor: sample, rates: { sentPerSecond, droppedShare, maxSentPerSecond: max } };
}

export interface LinkView {
  readonly cut: boolean;
  /** Configured packet loss, 0..1. */
  readonly loss: number;
  readonly latencyMs: number;
}

export function linkViewOf(links: LinkFrame | null, index: number): LinkView {
  return {
    cut: links?.cut[index] === 1,
    loss: links?.loss[index] ?? 0,
    latencyMs: links?.latencyMs[index] ?? 0,
  };
}

export function percent(share: number): string {
  const value = share * 100;
  return `${value < 10 && value % 1 !== 0 ? value.toFixed(1) : Math.round(value)}%`;
}

/** The accessible name, link id first: "lb~app-2, link, cut" or "app-1~db-3, link, connected, 20% packet loss". */
export function linkLabel(id: string, view: LinkView, droppedShare: number): string {
  const parts = [id, 'link', view.cut ? 'cut' : 'connected'];
  if (view.loss > 0) parts.push(`${percent(view.loss)} packet loss`);
  if (view.latencyMs > 0) parts.push(`${Math.round(view.latencyMs)} ms added latency`);
  if (!view.cut && droppedShare >= 0.01) parts.push(`${percent(droppedShare)} of messages dropped`);
  return parts.join(', ');
}

export interface BundleView {
  readonly total: number;
  readonly cut: number;
  readonly lossy: number;
  readonly slowed: number;
}

/** How many links of each bundle are cut, lossy or slowed; recomputed only when link state changes. */
export function bundleViewsOf(bundles: readonly Bundle[], links: LinkFrame | null): BundleView[] {
  return bundles.map((bundle) => {
    let cut = 0;
    let lossy = 0;
    let slowed = 0;
    if (links) {
      for (const l of bundle.links) {
        cut += links.cut[l] ?? 0;
        if ((links.loss[l] ?? 0) > 0) lossy++;
        if ((links.latencyMs[l] ?? 0) > 0) slowed++;
      }
    }
    return { total: bundle.links.length, cut, lossy, slowed };
  });
}
