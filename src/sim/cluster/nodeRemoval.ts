// Removing a node. An app server can drain: the balancer stops sending it attempts, it finishes what it holds
// (its queue, its workers, attempts still on their way to it, replies it still owes), then leaves.
// Stop: it leaves at once, as a crash would, and the attempts it held time out at their clients.
// A drain is checked every DRAIN_CHECK_MS rather than hooked into every completion, so the hot path
// stays as it is; the server may leave up to that much after its last reply.
// A storage node drains by having its replicas copied off (storageMoves.ts); stopped at once, its
// replicas are gone and rebuilt elsewhere as after a failure.
// Left out: a drain deadline (Kubernetes' grace period) after which the rest is dropped.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { becomeAbsent } from './nodeSlots';
import { rebuildRotation } from './loadBalancer';
import { destroyReplicas } from './replication';
import { continueMoves, replicasOn } from './storageMoves';

export const DRAIN_CHECK_MS = 100;

/** Requests an app server holds now: in its workers and in its queue. */
function held(st: SimState, a: number): number {
  return (st.busy[a] as number) + (st.queueLength[a] as number);
}

function plural(n: number, what: string): string {
  return n === 1 ? `1 ${what}` : `${n} ${what}s`;
}

export function removeAppServer(st: SimState, node: number, mode: 'drain' | 'stop'): void {
  const scaling = st.scaling;
  if (scaling === null) return;
  const id = st.nodeIds[node] as string;
  const a = node - 2;
  const status = st.nodeStatus[node];
  if (status === NodeStatusCode.starting) {
    becomeAbsent(st, node);
    return st.note('nodeRemoved', id, 'removed before it started serving');
  }
  if (status !== NodeStatusCode.up) {
    becomeAbsent(st, node);
    return st.note('nodeRemoved', id, 'removed while down; it held no work');
  }
  if (mode === 'stop') {
    const count = held(st, a);
    becomeAbsent(st, node);
    return st.note('nodeRemoved', id, `stopped at once; ${plural(count, 'request')} it held will fail or be retried`);
  }
  scaling.draining[node] = 1;
  st.inRotation[a] = 0;
  rebuildRotation(st);
  st.note('nodeDraining', id, `out of rotation; finishing the ${plural(held(st, a), 'request')} it holds`);
  onDrainCheck(st, node, scaling.slotEpoch[node] as number);
}

/** A draining app server leaves once it holds nothing and owes nothing; a storage node's drain moves on. */
export function onDrainCheck(st: SimState, node: number, epoch: number): void {
  const scaling = st.scaling;
  if (scaling === null || scaling.slotEpoch[node] !== epoch || scaling.draining[node] !== 1) return;
  if (!st.isApp(node)) return;
  const a = node - 2;
  const id = st.nodeIds[node] as string;
  if (st.nodeStatus[node] !== NodeStatusCode.up) {
    becomeAbsent(st, node);
    return st.note('nodeRemoved', id, 'went down while draining; removed');
  }
  if (held(st, a) === 0 && (st.outstanding[a] as number) <= 0) {
    becomeAbsent(st, node);
    return st.note('nodeRemoved', id, 'drained: finished every request it held; removed');
  }
  st.at(st.nowMs + DRAIN_CHECK_MS, EventKind.drainCheck, node, epoch);
}

export function removeStorageNode(st: SimState, node: number, mode: 'drain' | 'stop'): void {
  const scaling = st.scaling;
  if (scaling === null) return;
  const id = st.nodeIds[node] as string;
  const replicas = replicasOn(st, node);
  if (st.nodeStatus[node] === NodeStatusCode.starting) {
    becomeAbsent(st, node);
    return st.note('nodeRemoved', id, 'removed before it started serving');
  }
  if (mode === 'stop' || replicas.length === 0) {
    becomeAbsent(st, node);
    const gone =
      replicas.length === 0
        ? 'it held no replicas'
        : `its ${plural(replicas.length, 'replica')} are gone and will be rebuilt elsewhere`;
    st.note('nodeRemoved', id, `removed at once; ${gone}`);
    destroyReplicas(st, replicas, id);
    scaling.rebalancing = true;
    return continueMoves(st);
  }
  scaling.draining[node] = 1;
  scaling.rebalancing = true;
  st.note(
    'nodeDraining',
    id,
    `copying its ${plural(replicas.length, 'replica')} to other storage nodes before it leaves`,
  );
  continueMoves(st);
}
