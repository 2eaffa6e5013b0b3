// Replies on their way back to the client (app server -> balancer -> clients). A reply is only
// delivered if its path held since it was sent; a storage round's result is re-checked against
// any fault that happened while it was in progress (see storage.ts).
import { EventKind } from '../events';
import type { SimState } from '../state';
import { BALANCER, CLIENTS, Outcome } from '../codes';
import { attemptFailed, finishRequest, FLAG_WRITE, isCurrent } from './client';
import { releaseOutstanding } from './loadBalancer';
import { canTalk, hopMs, lost, stillTalking } from './network';
import { ackWrite } from './replication';
import { cacheWriteAcked } from '../cache/cacheEvents';
import { pipelineWriteAcked } from '../pipeline/pipelineEvents';
import { recomputeRound } from './storage';
import { traceHop, traceLost } from '../trace/traceHops';

const OUTCOME_NAMES = ['ok', 'error', 'rejected', 'unavailable'] as const;

/** A reply (not from a storage round) leaving server (or the balancer, when server is -1) at leaveMs. */
export function sendReply(
  st: SimState,
  slot: number,
  aux: number,
  outcome: number,
  server: number,
  leaveMs: number,
): void {
  let t = leaveMs;
  const traced = st.tracer?.watches(slot) === true;
  const name = OUTCOME_NAMES[outcome] ?? 'error';
  if (!canTalk(st, CLIENTS, BALANCER, 0)) {
    if (traced) traceLost(st, slot, BALANCER, CLIENTS, 0, leaveMs, true, 'reply', name);
    return;
  }
  if (server >= 0) {
    const link = st.balancerLink(server);
    const app = st.appNode(server);
    const noPath = !canTalk(st, BALANCER, app, link);
    if (noPath || lost(st, link)) {
      if (traced) traceLost(st, slot, app, BALANCER, link, leaveMs, noPath, 'reply', name);
      return;
    }
    const back = hopMs(st, link);
    if (traced) traceHop(st, slot, app, BALANCER, t, t + back, name);
    t += back;
  }
  if (lost(st, 0)) {
    if (traced) traceLost(st, slot, BALANCER, CLIENTS, 0, t, false, 'reply', name);
    return;
  }
  const last = hopMs(st, 0);
  if (traced) traceHop(st, slot, BALANCER, CLIENTS, t, t + last, name);
  t += last;
  st.reqOutcome[slot] = outcome;
  st.reqRound[slot] = 0;
  st.reqSendMs[slot] = leaveMs;
  st.reqFaultEpoch[slot] = st.faultEpoch;
  st.at(t, EventKind.replyArrival, slot, aux);
}

function replyPathHeld(st: SimState, slot: number): boolean {
  const server = st.reqServer[slot] as number;
  const since = st.reqSendMs[slot] as number;
  if (!stillTalking(st, CLIENTS, BALANCER, 0, since)) return false;
  return server < 0 || stillTalking(st, BALANCER, st.appNode(server), st.balancerLink(server), since);
}

export function onReplyArrival(st: SimState, slot: number, aux: number): void {
  if (!isCurrent(st, slot, aux)) return;
  if (st.reqFaultEpoch[slot] !== st.faultEpoch) {
    // Something failed while this reply was being produced or carried: check it again.
    if (st.reqRound[slot] === 1) {
      const replyMs = recomputeRound(st, slot);
      if (replyMs < 0) {
        if (st.tracer?.watches(slot)) st.tracer.step(slot, { type: 'replyVoided', atMs: st.nowMs });
        return; // lost: the client will time out
      }
      if (replyMs > st.nowMs) {
        st.reqFaultEpoch[slot] = st.faultEpoch;
        st.at(replyMs, EventKind.replyArrival, slot, aux);
        return;
      }
    } else if (!replyPathHeld(st, slot)) {
      if (st.tracer?.watches(slot)) st.tracer.step(slot, { type: 'replyVoided', atMs: st.nowMs });
      return;
    }
  }
  const server = st.reqServer[slot] as number;
  const outcome = st.reqOutcome[slot] as number;
  releaseOutstanding(st, slot);
  st.observer?.({
    type: 'replyReceived',
    timeMs: st.nowMs,
    request: slot,
    server,
    outcome: OUTCOME_NAMES[outcome] ?? 'error',
  });
  if (st.tracer?.watches(slot))
    st.tracer.step(slot, { type: 'replyReceived', atMs: st.nowMs, outcome: OUTCOME_NAMES[outcome] ?? 'error' });
  if (outcome === Outcome.ok) {
    if (((st.reqFlags[slot] as number) & FLAG_WRITE) !== 0) {
      ackWrite(st, st.reqPartition[slot] as number, st.reqMask[slot] as number);
      if (st.cacheTier !== null) cacheWriteAcked(st, st.cacheTier, slot, server);
      if (st.pipeline !== null) pipelineWriteAcked(st, st.pipeline, slot);
    }
    finishRequest(st, slot, true);
    return;
  }
  if (outcome === Outcome.rejected) st.metrics.rejected();
  else st.metrics.errorReply();
  attemptFailed(st, slot);
}
