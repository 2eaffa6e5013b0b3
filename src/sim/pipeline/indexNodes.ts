// Index nodes at run time: which copies serve searches and take writes, and recovery after a node
// comes back or loses its disk (from a live copy, the log while retention holds every event, or
// a database snapshot), with its time from the rates the scenario gives.
import { EventKind } from '../events';
import type { SimState } from '../state';
import type { Pipeline } from './pipeline';
import { RecoverySource, type SearchIndex } from './searchIndex';
import { cutOff } from './reachability';

export function indexNodeUp(st: SimState, index: SearchIndex, i: number): boolean {
  return !cutOff(st, index.firstNode + i);
}

/** A copy of the shard that answers searches: up, reachable and not recovering. */
export function servingCopy(st: SimState, index: SearchIndex, shard: number, start: number, except = -1): number {
  const replicas = index.settings.replicas;
  for (let k = 0; k < replicas; k++) {
    const i = index.nodeOf(shard, (start + k) % replicas);
    if (i !== except && indexNodeUp(st, index, i) && index.recoverySource[i] === RecoverySource.none)
      return index.firstNode + i;
  }
  return -1;
}

/** The indexer can write to a shard while some copy is up (one recovering takes writes too). */
export function indexAccepts(st: SimState, index: SearchIndex, shard: number): boolean {
  for (let r = 0; r < index.settings.replicas; r++) if (indexNodeUp(st, index, index.nodeOf(shard, r))) return true;
  return false;
}

export function syncIndexNode(st: SimState, p: Pipeline, index: SearchIndex, i: number): void {
  const up = indexNodeUp(st, index, i) ? 1 : 0;
  if (index.online[i] === up) return;
  index.online[i] = up;
  // A recovery in progress stops with the node; it starts again when the node is back.
  if (up === 0) index.recoveryGen[i] = (index.recoveryGen[i] as number) + 1;
  else {
    const source = index.recoverySource[i];
    startRecovery(st, p, index, i, source === RecoverySource.log || source === RecoverySource.snapshot);
  }
}

/**
 * Index node i (up) catches up: shards with a serving copy elsewhere are copied from it; a shard
 * whose only copy was here and is lost is replayed from the log if retention holds every event,
 * else loaded from a database snapshot. A node whose copies are intact serves at once.
 */
export function startRecovery(st: SimState, p: Pipeline, index: SearchIndex, i: number, dataLost: boolean): void {
  const perShard = index.keysPerShard();
  let seconds = 0;
  let source: RecoverySource = RecoverySource.none;
  const log = p.log;
  for (const s of index.shardsOn(i)) {
    if (servingCopy(st, index, s, 0, i) >= 0) {
      seconds += perShard / index.settings.snapshotKeysPerSecond;
      if (source === RecoverySource.none) source = RecoverySource.peer;
    } else if (!dataLost) continue;
    else if (log !== null && index.mode === 'log' && log.holdsEverything()) {
      seconds += log.appended / index.settings.shards / index.settings.replayEventsPerSecond;
      if (source !== RecoverySource.snapshot) source = RecoverySource.log;
    } else {
      seconds += perShard / index.settings.snapshotKeysPerSecond;
      source = RecoverySource.snapshot;
    }
  }
  index.recoveryGen[i] = (index.recoveryGen[i] as number) + 1;
  index.recoverySource[i] = source;
  if (source === RecoverySource.none) return;
  index.recoveryStartMs[i] = st.nowMs;
  index.recoveryEndMs[i] = st.nowMs + seconds * 1000;
  if (source !== RecoverySource.peer) index.rebuilds++;
  const from =
    source === RecoverySource.peer
      ? 'copies from a replica'
      : source === RecoverySource.log
        ? 'replays the log'
        : 'loads a database snapshot';
  st.note(
    'indexRebuildStarted',
    st.nodeIds[index.firstNode + i] as string,
    `${from}; it serves searches again in ${seconds.toFixed(1)} s`,
  );
  st.at(index.recoveryEndMs[i] as number, EventKind.indexRecovered, i, index.recoveryGen[i] as number);
}

export function onIndexRecovered(st: SimState, p: Pipeline, i: number, gen: number): void {
  const index = p.index;
  if (index === null || index.recoveryGen[i] !== gen) return;
  index.recoverySource[i] = RecoverySource.none;
  st.note('indexRebuilt', st.nodeIds[index.firstNode + i] as string, 'caught up: it serves searches again');
}
