// One storage round of an attempt. The app server acts as coordinator: it knows which replicas
// exist and which storage nodes are up (as a failure detector would) but not about cut links or
// lost messages. A write goes to every live replica and is acknowledged after W of them persist
// it; a read goes to R live replicas (rotating, to spread load) and needs all R answers. Too few
// live replicas: the coordinator answers "unavailable" at once. A replica that does not answer
// (cut link, lost message): the coordinator gives up after storageTimeoutMs. A read with fan-out
// k touches k partitions and completes when all have answered, so its latency is the slowest of
// k (tail-latency amplification).
//
// Every replica's draws come from a generator seeded by (attempt seed, partition, replica), so a
// round can be replayed exactly when a fault happens while it is in flight; the replay counts only
// replicas that stayed reachable the whole time (conservative: an answer given just before a
// crash is dropped).
// Storage nodes serve every operation at once unless the scenario gives them a capacity
// (storageQueue.ts): then an operation may wait for a slot, or be rejected when the queue is full.
// Left out: read repair, speculative reads.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { BALANCER, CLIENTS, MAX_RF, NodeStatusCode, Outcome, SlotState } from '../codes';
import { FLAG_WRITE, attemptAux } from './client';
import { syncIndexWriteMs } from '../pipeline/searchRound';
import { canTalk, countSent, dropped, stillTalking } from './network';
import { traceLost } from '../trace/traceHops';
import { traceRejection, traceReplica, traceRoundReply } from '../trace/traceStorage';
import { REJECTED, queueWait } from './storageQueue';
import { cachedRead, type ReadRound } from '../cache/cachedRead';
import { unsignedMod } from '../cache/hash32';
import { answerDraws, drawAnswer, drawReply, replyDraws } from './roundDraws';

const answers = new Float64Array(MAX_RF);
/** When each rejection (a full storage queue) reached the coordinator, in order. */
const rejections = new Float64Array(MAX_RF);
let roundMask = 0;
const UNAVAILABLE = -1;
const NO_QUORUM = -2;
/** Too many replicas rejected the operation (full storage queues) for a quorum: the coordinator knew at overloadMs. */
const OVERLOADED = -3;
let overloadMs = 0;
/** replicaAnswer's code for a rejection, whose answer reached the coordinator at rejectedMs. */
const REJECTED_ANSWER = -2;
let rejectedMs = 0;
let roundSlot = -1;
/** The request slot whose fresh round is being followed by the tracer, or -1 (most rounds). */
let traceSlot = -1;

/** A signed 32-bit word (as an unsigned one above 2^31 it would be boxed on every call). */
function mixSeed(seed: number, k: number, s: number): number {
  let h = Math.imul(seed ^ Math.imul(k + 1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(s + 1, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  return h ^ (h >>> 13);
}

/** mixSeed taken as unsigned, modulo n: an index in [0, n) (unsignedMod: never a boxed number). */
function mixIndex(seed: number, k: number, s: number, n: number): number {
  return unsignedMod(mixSeed(seed, k, s), n);
}

export function beginStorageRound(st: SimState, slot: number, a: number): void {
  st.reqDrawSeed[slot] = st.rng.storage.int(0x7fffffff);
  st.reqSendMs[slot] = st.nowMs;
  st.reqFaultEpoch[slot] = st.faultEpoch;
  st.reqRound[slot] = 1;
  const replyMs = runRound(st, slot, a, -1);
  if (replyMs >= 0) st.at(replyMs, EventKind.replyArrival, slot, attemptAux(st, slot));
}

/** Replays the round of the current attempt, keeping only what held since it began. -1 = reply lost. */
export function recomputeRound(st: SimState, slot: number): number {
  const a = st.reqServer[slot] as number;
  if (a < 0) return -1;
  const since = st.reqSendMs[slot] as number;
  if (!stillTalking(st, CLIENTS, BALANCER, 0, since)) return -1;
  if (!stillTalking(st, BALANCER, st.appNode(a), st.balancerLink(a), since)) return -1;
  return runRound(st, slot, a, since);
}

// The storage read of a cache miss: one function for every read (no closure per read), its
// round's arguments set just before it can be called.
let cacheRoundSt: SimState | null = null;
let cacheRoundSeed = 0;
let cacheRoundK = 0;
let cacheRoundA = 0;
let cacheRoundSince = -1;
const cacheRound: ReadRound = (p, asked) =>
  partitionRound(cacheRoundSt as SimState, cacheRoundSeed, cacheRoundK, cacheRoundA, p, false, asked, cacheRoundSince);

/** sinceMs < 0: a fresh round judged on the state now; otherwise a replay judged since sinceMs. */
function runRound(st: SimState, slot: number, a: number, sinceMs: number): number {
  traceSlot = sinceMs < 0 && st.tracer?.watches(slot) === true ? slot : -1;
  roundSlot = slot;
  const seed = st.reqDrawSeed[slot] as number;
  const key = st.reqKeySeed[slot] as number;
  const t0 = st.reqSendMs[slot] as number;
  const policy = st.policy;
  let doneMs = t0;
  let result = 0;
  const write = ((st.reqFlags[slot] as number) & FLAG_WRITE) !== 0;
  if (sinceMs < 0 && st.storageQueues !== null)
    st.storageQueues.beginRound(slot, write ? st.writeFanOut : st.fanOut, policy.replicationFactor);
  const tier = st.cacheTier;
  if (write) {
    const p =
      tier === null ? mixIndex(key, 0, MAX_RF, st.partitions) : tier.partitionOf(tier.keyOf(key, 0), st.partitions);
    st.reqPartition[slot] = p;
    result = partitionRound(st, seed, 0, a, p, true, t0, sinceMs);
    st.reqMask[slot] = roundMask;
    if (result > doneMs) doneMs = result;
    // Write fan-out: copies into other partitions (derived data, such as followers' timelines).
    for (let k = 1; k < st.writeFanOut && result >= 0; k++) {
      result = partitionRound(st, seed, k, a, mixIndex(key, k, MAX_RF, st.partitions), true, t0, sinceMs);
      if (result > doneMs) doneMs = result;
    }
    // A search index in sync mode: the write updates it too before it is acknowledged.
    const extraMs = result >= 0 && st.pipeline !== null ? syncIndexWriteMs(st, st.pipeline, key, seed) : 0;
    if (extraMs < 0) result = UNAVAILABLE;
    else doneMs += extraMs;
  } else if (tier === null) {
    for (let k = 0; k < st.fanOut && result >= 0; k++) {
      result = partitionRound(st, seed, k, a, mixIndex(key, k, MAX_RF, st.partitions), false, t0, sinceMs);
      if (result > doneMs) doneMs = result;
    }
  } else {
    if (sinceMs < 0) st.reqCacheHits[slot] = 0;
    cacheRoundSt = st;
    cacheRoundSeed = seed;
    cacheRoundA = a;
    cacheRoundSince = sinceMs;
    for (let k = 0; k < st.fanOut && result >= 0; k++) {
      cacheRoundK = k;
      result = cachedRead(st, tier, slot, k, a, t0, sinceMs, cacheRound);
      if (result > doneMs) doneMs = result;
    }
  }
  if (result < 0) {
    if (result === NO_QUORUM) doneMs = t0 + policy.storageTimeoutMs;
    else if (result === UNAVAILABLE) doneMs = t0;
    else doneMs = overloadMs;
  }
  const link = st.balancerLink(a);
  // A fresh reply needs a path back now (a replay checked it already, since the round began).
  if (sinceMs < 0 && !(canTalk(st, BALANCER, st.appNode(a), link) && canTalk(st, CLIENTS, BALANCER, 0))) return -1;
  drawReply(st, mixSeed(seed, -1, -1));
  const toBalancer = replyDraws[0] as number;
  const back =
    toBalancer + (replyDraws[1] as number) + (st.linkLatencyMs[link] as number) + (st.linkLatencyMs[0] as number);
  const base = st.scenario.network.loss;
  const lostNearServer = (replyDraws[2] as number) < base + (st.linkLoss[link] as number);
  const lostNearClients = (replyDraws[3] as number) < base + (st.linkLoss[0] as number);
  if (traceSlot >= 0) {
    const outcome = result >= 0 ? 'ok' : 'unavailable';
    const toBalancerMs = toBalancer + (st.linkLatencyMs[link] as number);
    traceRoundReply(st, slot, a, doneMs, toBalancerMs, back, lostNearServer, lostNearClients, outcome);
  }
  if (sinceMs < 0) {
    countSent(st, link);
    if (lostNearServer) dropped(st, link);
    else countSent(st, 0);
    if (!lostNearServer && lostNearClients) dropped(st, 0);
  }
  if (lostNearServer || lostNearClients) return -1;
  st.reqOutcome[slot] = result >= 0 ? Outcome.ok : Outcome.unavailable;
  return doneMs + back;
}

/**
 * Whether the coordinator believes the replica in slot idx can serve: it exists and its node is
 * up. On a replay, only replicas that were live when the round began and stayed so count (a node
 * that came back meanwhile was not chosen; one that went down is routed around).
 */
function believedLive(st: SimState, idx: number, sinceMs: number): boolean {
  if (st.slotState[idx] !== SlotState.present) return false;
  const node = st.storageNode(Math.floor((st.slotDisk[idx] as number) / st.disksPerNode));
  if (st.nodeStatus[node] !== NodeStatusCode.up) return false;
  return sinceMs < 0 || ((st.nodeChangedAt[node] as number) <= sinceMs && (st.slotChangedAt[idx] as number) <= sinceMs);
}

/**
 * The time the round on partition p completes: the W-th write acknowledgement or the last of R
 * read answers. UNAVAILABLE if too few replicas are believed live, NO_QUORUM if too few answer.
 * Sets roundMask to the slots that answered.
 */
function partitionRound(
  st: SimState,
  seed: number,
  k: number,
  a: number,
  p: number,
  write: boolean,
  t0: number,
  sinceMs: number,
): number {
  const rf = st.policy.replicationFactor;
  const needed = write ? st.policy.writeQuorum : st.policy.readQuorum;
  const base = p * MAX_RF;
  let live = 0;
  let liveMask = 0;
  for (let s = 0; s < rf; s++) {
    if (believedLive(st, base + s, sinceMs)) {
      live++;
      liveMask |= 1 << s;
    }
  }
  roundMask = 0;
  if (live < needed) {
    if (traceSlot >= 0) st.tracer?.step(traceSlot, { type: 'replicasShort', atMs: t0, partition: p, live, needed });
    return UNAVAILABLE;
  }
  const send = write ? live : needed;
  const offset = write ? 0 : mixIndex(seed, k, MAX_RF + 1, rf);
  let sent = 0;
  let n = 0;
  let rejected = 0;
  for (let j = 0; j < rf && sent < send; j++) {
    const s = (offset + j) % rf;
    if ((liveMask & (1 << s)) === 0) continue;
    sent++;
    const t = replicaAnswer(st, seed, k, a, base + s, t0, sinceMs);
    if (t < 0) {
      if (t === REJECTED_ANSWER) insertSorted(rejections, rejected++, rejectedMs);
      continue;
    }
    insertSorted(answers, n++, t);
    roundMask |= 1 << s;
  }
  if (n >= needed) return answers[needed - 1] as number;
  // "Overloaded" answers tell the coordinator at once that no quorum can come: it gives up then.
  if (rejected > sent - needed) {
    overloadMs = rejections[sent - needed] as number;
    return OVERLOADED;
  }
  if (traceSlot >= 0) {
    const waitedMs = st.policy.storageTimeoutMs;
    st.tracer?.step(traceSlot, { type: 'noQuorum', atMs: t0 + waitedMs, partition: p, waitedMs });
  }
  return NO_QUORUM;
}

/** Puts t in its place among the first n (sorted) entries of times. */
function insertSorted(times: Float64Array, n: number, t: number): void {
  let i = n;
  while (i > 0 && (times[i - 1] as number) > t) {
    times[i] = times[i - 1] as number;
    i--;
  }
  times[i] = t;
}

/** When the replica in slot idx answers the coordinator, or -1 if its answer never arrives. */
function replicaAnswer(
  st: SimState,
  seed: number,
  k: number,
  a: number,
  idx: number,
  t0: number,
  sinceMs: number,
): number {
  const storage = Math.floor((st.slotDisk[idx] as number) / st.disksPerNode);
  const node = st.storageNode(storage);
  const link = st.storageLink(a, storage);
  const app = st.appNode(a);
  const reachable =
    sinceMs < 0
      ? canTalk(st, app, node, link)
      : stillTalking(st, app, node, link, sinceMs) && (st.slotChangedAt[idx] as number) <= sinceMs;
  const fresh = sinceMs < 0;
  if (fresh) {
    countSent(st, link);
    st.metrics.storageRequest();
  }
  if (!reachable) {
    if (fresh) dropped(st, link);
    if (traceSlot >= 0) traceLost(st, traceSlot, app, node, link, t0, true, 'ask');
    return -1;
  }
  const draws = st.storageDraws;
  draws.reseed(mixSeed(seed, k, idx % MAX_RF));
  // Most of the many app-storage links are never degraded: skip reading their (large) loss and latency arrays.
  const degraded = st.linksDegraded !== 0 && st.linkDegraded[link] === 1;
  const loss = st.scenario.network.loss + (degraded ? (st.linkLoss[link] as number) : 0);
  if (loss > 0) {
    const askLost = draws.next() < loss;
    if (askLost || draws.next() < loss) {
      if (fresh) dropped(st, link);
      // The ask arrived and the disk did the work; only the answer was lost.
      if (!askLost && fresh && st.storageQueues !== null) {
        const arriveMs = t0 + draws.draw(st.hopSampler) + (degraded ? (st.linkLatencyMs[link] as number) : 0);
        const serviceMs = (draws.draw(st.diskSampler) * (st.nodeSlow[node] as number)) / (st.nodeSpeed[node] as number);
        queueWait(st, st.storageQueues, roundSlot, k, idx, storage, arriveMs, serviceMs, true);
      }
      if (traceSlot >= 0) {
        if (askLost) traceLost(st, traceSlot, app, node, link, t0, false, 'ask');
        else traceLost(st, traceSlot, node, app, link, t0, false, 'answer');
      }
      return -1;
    }
  }
  drawAnswer(st, draws);
  const out = answerDraws[0] as number;
  const hops = out + (answerDraws[1] as number) + (degraded ? 2 * (st.linkLatencyMs[link] as number) : 0);
  const diskMs = ((answerDraws[2] as number) * (st.nodeSlow[node] as number)) / (st.nodeSpeed[node] as number);
  let waitMs = 0;
  const queues = st.storageQueues;
  if (queues !== null) {
    const outMs = out + (degraded ? (st.linkLatencyMs[link] as number) : 0);
    waitMs = queueWait(st, queues, roundSlot, k, idx, storage, t0 + outMs, diskMs, fresh);
    if (waitMs === REJECTED) {
      if (traceSlot >= 0) traceRejection(st, traceSlot, app, node, t0, outMs, t0 + hops);
      if (t0 + hops > t0 + st.policy.storageTimeoutMs) return -1;
      rejectedMs = t0 + hops;
      return REJECTED_ANSWER;
    }
    if (Number.isNaN(waitMs)) return -1; // this replica was not asked when the round began
  }
  const t = t0 + hops + waitMs + diskMs;
  // The coordinator stops waiting at its storage timeout: a later answer does not count.
  const inTime = t <= t0 + st.policy.storageTimeoutMs;
  if (traceSlot >= 0) {
    const outMs = out + (degraded ? (st.linkLatencyMs[link] as number) : 0);
    traceReplica(st, traceSlot, app, node, t0, outMs, waitMs + diskMs, t, inTime);
  }
  return inTime ? t : -1;
}
