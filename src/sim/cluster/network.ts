// Links between nodes: one-way hop latency from a distribution plus a per-link extra, and loss
// (base plus per-link). A cut link, a node on the other side of a group partition, or a node
// that is down means the message is never delivered; the sender only learns by timing out.
// Left out: bandwidth limits and congestion, reordering, duplication.
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';

/**
 * Frames report traffic per link only up to this many links (beyond, there are too many to draw),
 * and only then are messages counted per link: in the large cluster the counters were a cache miss
 * on nearly every storage message for figures nobody saw.
 */
export const LINK_TRAFFIC_LIMIT = 5000;

/** After a link's extra loss or latency was set: keeps linkDegraded and the link version in step. */
export function linkQualityChanged(st: SimState, link: number): void {
  const degraded = st.linkLoss[link] !== 0 || st.linkLatencyMs[link] !== 0 ? 1 : 0;
  st.linksDegraded += degraded - (st.linkDegraded[link] as number);
  st.linkDegraded[link] = degraded;
  st.linkVersion++;
}

/** Whether a message can cross the link between nodes a and b right now. */
export function canTalk(st: SimState, a: number, b: number, link: number): boolean {
  return (
    st.nodeStatus[a] === NodeStatusCode.up &&
    st.nodeStatus[b] === NodeStatusCode.up &&
    (st.linksCut === 0 || st.linkCut[link] === 0) &&
    st.nodeSide[a] === st.nodeSide[b]
  );
}

/**
 * Whether the path a-b has been continuously usable since sinceMs: usable now and unchanged
 * since then. Conservative: a brief cut-and-heal in between also voids the message.
 */
export function stillTalking(st: SimState, a: number, b: number, link: number, sinceMs: number): boolean {
  return (
    canTalk(st, a, b, link) &&
    (st.nodeChangedAt[a] as number) <= sinceMs &&
    (st.nodeChangedAt[b] as number) <= sinceMs &&
    (st.linkChangedAt[link] as number) <= sinceMs
  );
}

/** One-way latency of one hop over a link, ms, drawn from the network stream. */
export function hopMs(st: SimState, link: number): number {
  countSent(st, link);
  return st.rng.network.draw(st.hopSampler) + (st.linkLatencyMs[link] as number);
}

/** Whether a message on this link is lost (draws only when there is a chance of loss). */
export function lost(st: SimState, link: number): boolean {
  const p = st.scenario.network.loss + (st.linkLoss[link] as number);
  if (p > 0 && st.rng.network.next() < p) {
    dropped(st, link);
    return true;
  }
  return false;
}

/** Counts a message put on a link (where per-link traffic is kept). */
export function countSent(st: SimState, link: number): void {
  if (st.linkTraffic) st.linkSent[link] = (st.linkSent[link] as number) + 1;
}

/** Counts a message that a link did not deliver (where per-link traffic is kept). */
export function dropped(st: SimState, link: number): void {
  if (st.linkTraffic) st.linkDropped[link] = (st.linkDropped[link] as number) + 1;
}
