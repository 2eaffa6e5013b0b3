// A search's trip from its app server to the index and back, and the index's part of a write in
// sync mode. A search asks one serving copy of its key's shard (a hop, the search time, a hop)
// and fails at once when no copy serves. It missed a write when the copy's version of the key is
// older than the key's version when the search was issued (kept in the request's reqCacheHits,
// which searches do not otherwise use). A followed search shows its ask and answer hops. Left out: a fault on the index node during the few
// milliseconds of a search (it is judged when it starts), queueing at index nodes.
import { Outcome } from '../codes';
import { hashPair } from '../cache/hash32';
import type { SimState } from '../state';
import { attemptAux } from '../cluster/client';
import { sendReply } from '../cluster/reply';
import { speedOf } from '../scaling/scalingState';
import type { Pipeline } from './pipeline';
import { indexAccepts, servingCopy } from './indexNodes';
import { askAndAnswer } from '../trace/traceStorage';

/** At issue: the version of the searched key now, which the answer must reach not to miss a write. */
export function searchIssued(st: SimState, p: Pipeline, slot: number): void {
  st.reqCacheHits[slot] = p.keys.version[p.keys.keyOf(st.reqKeySeed[slot] as number)] as number;
}

export function beginSearch(st: SimState, p: Pipeline, slot: number, a: number): void {
  const index = p.index;
  const aux = attemptAux(st, slot);
  if (index === null) return sendReply(st, slot, aux, Outcome.unavailable, a, st.nowMs);
  const keySeed = st.reqKeySeed[slot] as number;
  const key = p.keys.keyOf(keySeed);
  const node = servingCopy(st, index, p.keys.shardOf(key, index.settings.shards), keySeed);
  if (node < 0) {
    index.searchesFailed++;
    return sendReply(st, slot, aux, Outcome.unavailable, a, st.nowMs);
  }
  const work = (p.rng.draw(index.searchSampler) * (st.nodeSlow[node] as number)) / speedOf(st, node);
  const outMs = p.rng.draw(st.hopSampler);
  const roundMs = outMs + work + p.rng.draw(st.hopSampler);
  if (st.tracer?.watches(slot) === true) {
    const t0 = st.nowMs;
    const times = { t0, askedMs: t0 + outMs, answerDepartMs: t0 + outMs + work, answerMs: t0 + roundMs };
    askAndAnswer(st, slot, st.appNode(a), node, times, 'ok');
  }
  index.searches++;
  index.windowSearches++;
  index.latency.record(roundMs);
  if ((index.indexed[key] as number) < (st.reqCacheHits[slot] as number)) {
    index.searchesMissedWrite++;
    index.windowMissed++;
  }
  sendReply(st, slot, aux, Outcome.ok, a, st.nowMs + roundMs);
}

/**
 * Sync mode: the write also updates its key's shard before it is acknowledged. Returns the extra
 * time, ms, or -1 when no copy of the shard is up (the write fails, though storage may keep it).
 */
export function syncIndexWriteMs(st: SimState, p: Pipeline, keySeed: number, drawSeed: number): number {
  const index = p.index;
  if (index === null || index.mode !== 'sync') return 0;
  const shard = p.keys.shardOf(p.keys.keyOf(keySeed), index.settings.shards);
  if (!indexAccepts(st, index, shard)) return -1;
  const draws = st.storageDraws;
  draws.reseed(hashPair(drawSeed, 0x5ea7c4));
  return draws.draw(st.hopSampler) + draws.draw(index.writeSampler) + draws.draw(st.hopSampler);
}
