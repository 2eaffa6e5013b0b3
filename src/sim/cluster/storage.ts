// One storage round of an attempt: the app server sends the operation to every replica of the
// partition(s) it touches and waits for a quorum: W acknowledgements for a write, R answers for
// a read. A read with fan-out k touches k partitions and completes when all of them have a quorum,
// so its latency is the slowest of k (tail-latency amplification). If a quorum cannot be reached,
// the server gives up after storageTimeoutMs and answers with an error.
//
// All draws of a round come from a generator re-seeded per attempt, so the round can be replayed
// exactly when a fault happens while it is in flight; the replay then only counts replicas that
// stayed reachable the whole time (conservative: an answer given just before a crash is dropped).
// Left out: queueing at storage nodes (disks serve in parallel), read repair, consistency levels
// beyond quorum counts, coordinator choice of "nearest" replicas (all RF are asked).
import type { Rng } from '../random';
import { EventKind } from '../events';
import { BALANCER, CLIENTS, MAX_RF, Outcome, SlotState, type SimState } from '../state';
import { FLAG_WRITE, attemptAux } from './client';
import { canTalk, stillTalking } from './network';

const answers = new Float64Array(MAX_RF);
let roundMask = 0;

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
  const app = st.appNode(a);
  if (!stillTalking(st, CLIENTS, BALANCER, 0, since)) return -1;
  if (!stillTalking(st, BALANCER, app, st.balancerLink(a), since)) return -1;
  return runRound(st, slot, a, since);
}

/** sinceMs < 0: a fresh round judged on the state now; otherwise a replay judged since sinceMs. */
function runRound(st: SimState, slot: number, a: number, sinceMs: number): number {
  const draws = st.storageDraws;
  draws.reseed(st.reqDrawSeed[slot] as number);
  const t0 = st.reqSendMs[slot] as number;
  const policy = st.policy;
  let doneMs = t0;
  let ok = true;
  if (((st.reqFlags[slot] as number) & FLAG_WRITE) !== 0) {
    const p = draws.int(st.partitions);
    st.reqPartition[slot] = p;
    const t = partitionRound(st, draws, a, p, policy.writeQuorum, t0, sinceMs);
    if (t < 0) ok = false;
    else doneMs = t;
    st.reqMask[slot] = roundMask;
  } else {
    for (let k = 0; k < st.fanOut; k++) {
      const t = partitionRound(st, draws, a, draws.int(st.partitions), policy.readQuorum, t0, sinceMs);
      if (t < 0) {
        ok = false;
        break;
      }
      if (t > doneMs) doneMs = t;
    }
  }
  if (!ok) doneMs = t0 + policy.storageTimeoutMs;
  const hop = st.scenario.network.hopLatency;
  const link = st.balancerLink(a);
  const back = draws.sample(hop) + draws.sample(hop) + (st.linkLatencyMs[link] as number) + (st.linkLatencyMs[0] as number);
  const base = st.scenario.network.loss;
  if (draws.next() < base + (st.linkLoss[link] as number) || draws.next() < base + (st.linkLoss[0] as number)) return -1;
  st.reqOutcome[slot] = ok ? Outcome.ok : Outcome.unavailable;
  return doneMs + back;
}

/** Time the quorum-th replica answers, or -1 if fewer than quorum can. Sets roundMask to the answering slots. */
function partitionRound(st: SimState, draws: Rng, a: number, p: number, quorum: number, t0: number, sinceMs: number): number {
  const rf = st.policy.replicationFactor;
  const hop = st.scenario.network.hopLatency;
  const diskLatency = st.scenario.storage.diskLatency;
  const base = st.scenario.network.loss;
  const app = st.appNode(a);
  let n = 0;
  let mask = 0;
  for (let s = 0; s < rf; s++) {
    // Draw everything first, so a replay consumes the same numbers whatever is reachable.
    const there = draws.sample(hop);
    const disk = draws.sample(diskLatency);
    const back = draws.sample(hop);
    const lossThere = draws.next();
    const lossBack = draws.next();
    const idx = p * MAX_RF + s;
    if (st.slotState[idx] !== SlotState.present) continue;
    const storage = Math.floor((st.slotDisk[idx] as number) / st.disksPerNode);
    const node = st.storageNode(storage);
    const link = st.storageLink(a, storage);
    const reachable =
      sinceMs < 0
        ? canTalk(st, app, node, link)
        : stillTalking(st, app, node, link, sinceMs) && (st.slotChangedAt[idx] as number) <= sinceMs;
    if (!reachable) continue;
    const loss = base + (st.linkLoss[link] as number);
    if (lossThere < loss || lossBack < loss) continue;
    const t = t0 + there + back + 2 * (st.linkLatencyMs[link] as number) + disk * (st.nodeSlow[node] as number);
    // Insertion into the sorted answers (at most MAX_RF of them).
    let i = n++;
    while (i > 0 && (answers[i - 1] as number) > t) {
      answers[i] = answers[i - 1] as number;
      i--;
    }
    answers[i] = t;
    mask |= 1 << s;
  }
  roundMask = mask;
  return n >= quorum ? (answers[quorum - 1] as number) : -1;
}
