// Short calls for the cluster modules: record one request message on a link for a followed
// request. Callers check `st.tracer?.watches(slot)` first, so an unfollowed request costs a lookup.
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import type { Hop, HopOutcome } from './traceTypes';
import { whyNoPath } from './tracer';

/** A message delivered from one node to the next: a request going in, or a reply with its outcome going out. */
export function traceHop(
  st: SimState,
  slot: number,
  from: number,
  to: number,
  departMs: number,
  arriveMs: number,
  outcome: HopOutcome | null = null,
): void {
  const kind = outcome === null ? 'request' : 'reply';
  st.tracer?.hop(st, slot, { kind, from, to, departMs, arriveMs, lost: false, outcome });
}

/** A message that never arrives: noPath when the path is down (cut, partition, node down), else random loss. */
export function traceLost(
  st: SimState,
  slot: number,
  from: number,
  to: number,
  link: number,
  atMs: number,
  noPath: boolean,
  kind: Hop['kind'] = 'request',
  outcome: HopOutcome | null = null,
): void {
  const why = noPath ? whyNoPath(st, from, to, link) : 'it was dropped at random (packet loss)';
  st.tracer?.hop(st, slot, { kind, from, to, departMs: atMs, arriveMs: atMs, lost: true, outcome }, why);
}

/** A request that reached its server after its path broke behind it: the server never sees it. */
export function traceDroppedOnArrival(st: SimState, slot: number, node: number): void {
  const why =
    st.nodeStatus[node] !== NodeStatusCode.up
      ? `${st.nodeIds[node]} went down`
      : 'its path was cut while it was in transit';
  st.tracer?.step(slot, { type: 'droppedOnArrival', atMs: st.nowMs, node, why });
}
