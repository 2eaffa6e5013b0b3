// The load balancer: forwards each attempt to an app server it believes healthy, chosen by
// round-robin, least-outstanding or power-of-two-choices. Its belief comes from periodic health
// probes, so a crashed server keeps getting traffic until enough probes have failed.
// Left out: LB-side retries, connection pooling, slow-start for recovered servers.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { BALANCER, CLIENTS, NodeStatusCode, Outcome } from '../codes';
import { canTalk, countSent, dropped, hopMs, lost } from './network';
import { sendReply } from './reply';
import { traceHop, traceLost } from '../trace/traceHops';
import { unprobed } from '../scaling/scalingState';

export function forward(st: SimState, slot: number, aux: number): void {
  const traced = st.tracer?.watches(slot) === true;
  if (!canTalk(st, CLIENTS, BALANCER, 0)) {
    if (traced) traceLost(st, slot, CLIENTS, BALANCER, 0, st.nowMs, true);
    return dropped(st, 0); // never arrives: the client will time out
  }
  if (lost(st, 0)) {
    if (traced) traceLost(st, slot, CLIENTS, BALANCER, 0, st.nowMs, false);
    return;
  }
  const toBalancer = hopMs(st, 0);
  if (traced) traceHop(st, slot, CLIENTS, BALANCER, st.nowMs, st.nowMs + toBalancer);
  const a = pick(st);
  if (a < 0) {
    // No server in rotation: the balancer answers 503 at once.
    if (traced) st.tracer?.step(slot, { type: 'noServer', atMs: st.nowMs + toBalancer });
    sendReply(st, slot, aux, Outcome.unavailable, -1, st.nowMs + toBalancer);
    return;
  }
  st.outstanding[a] = (st.outstanding[a] as number) + 1;
  st.reqServer[slot] = a;
  st.observer?.({ type: 'attemptSent', timeMs: st.nowMs, request: slot, attempt: aux & 15, server: a });
  const link = st.balancerLink(a);
  const app = st.appNode(a);
  if (!canTalk(st, BALANCER, app, link)) {
    countSent(st, link);
    if (traced) traceLost(st, slot, BALANCER, app, link, st.nowMs + toBalancer, true);
    return dropped(st, link); // a crashed or cut-off server: the attempt will time out
  }
  if (lost(st, link)) {
    if (traced) traceLost(st, slot, BALANCER, app, link, st.nowMs + toBalancer, false);
    return;
  }
  const toServer = hopMs(st, link);
  if (traced) traceHop(st, slot, BALANCER, app, st.nowMs + toBalancer, st.nowMs + toBalancer + toServer);
  st.at(st.nowMs + toBalancer + toServer, EventKind.serverArrival, slot, aux);
}

/** The client gave up on the attempt (timeout): the balancer's connection to the server closes. */
export function releaseOutstanding(st: SimState, slot: number): void {
  const a = st.reqServer[slot] as number;
  if (a >= 0) {
    st.outstanding[a] = (st.outstanding[a] as number) - 1;
    st.reqServer[slot] = -1;
  }
}

function pick(st: SimState): number {
  const rotation = st.rotation;
  const n = rotation.length;
  if (n === 0) return -1;
  switch (st.policy.lbStrategy) {
    case 'round-robin': {
      st.roundRobin = (st.roundRobin + 1) % n;
      return rotation[st.roundRobin] as number;
    }
    case 'least-outstanding': {
      // Ties go to the next server in round-robin order, so equal servers share the load.
      st.roundRobin = (st.roundRobin + 1) % n;
      let best = rotation[st.roundRobin] as number;
      for (let k = 1; k < n; k++) {
        const a = rotation[(st.roundRobin + k) % n] as number;
        if ((st.outstanding[a] as number) < (st.outstanding[best] as number)) best = a;
      }
      return best;
    }
    case 'power-of-two': {
      const x = rotation[st.rng.balancer.int(n)] as number;
      const y = rotation[st.rng.balancer.int(n)] as number;
      return (st.outstanding[y] as number) < (st.outstanding[x] as number) ? y : x;
    }
    default: {
      const never: never = st.policy.lbStrategy;
      return never;
    }
  }
}

export function rebuildRotation(st: SimState): void {
  st.rotation = [];
  for (let a = 0; a < st.appCount; a++) if (st.inRotation[a] === 1) st.rotation.push(a);
}

export function scheduleHealthCheck(st: SimState): void {
  st.at(st.nowMs + st.policy.healthCheckIntervalMs, EventKind.healthCheck, 0, 0);
}

/** One round of probes. A server leaves rotation after unhealthyThreshold failures in a row and returns after one success. */
export function onHealthCheck(st: SimState): void {
  scheduleHealthCheck(st);
  if (!st.policy.healthChecks || st.nodeStatus[BALANCER] !== NodeStatusCode.up) return;
  let changed = false;
  for (let a = 0; a < st.appCount; a++) {
    if (st.scaling !== null && unprobed(st, a)) continue; // absent, starting or draining: not the balancer's to judge
    const node = st.appNode(a);
    const healthy = canTalk(st, BALANCER, node, st.balancerLink(a));
    if (healthy) {
      st.failedProbes[a] = 0;
      if (st.inRotation[a] === 0) {
        st.inRotation[a] = 1;
        changed = true;
        st.note('serverRestored', st.nodeIds[node] as string, 'health check passed; back in rotation');
      }
    } else if (
      (st.failedProbes[a] = (st.failedProbes[a] as number) + 1) >= st.policy.unhealthyThreshold &&
      st.inRotation[a] === 1
    ) {
      st.inRotation[a] = 0;
      changed = true;
      st.note(
        'serverRemoved',
        st.nodeIds[node] as string,
        `failed ${st.failedProbes[a]} health checks; out of rotation`,
      );
    }
  }
  if (changed) rebuildRotation(st);
}

/** With health checks off, the balancer trusts every server. */
export function resetRotation(st: SimState): void {
  st.inRotation.fill(1);
  st.failedProbes.fill(0);
  if (st.scaling !== null) for (let a = 0; a < st.appCount; a++) if (unprobed(st, a)) st.inRotation[a] = 0;
  rebuildRotation(st);
}
