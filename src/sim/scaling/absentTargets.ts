// Faults and changes aimed at a node that is not in the cluster (a slot never added, or removed)
// are refused with the reason; so is crashing or restarting a machine still provisioning.
// Unknown ids are left to check(), which names them.
import type { Command } from '../commands';
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';

function absentAmong(st: SimState, ids: readonly string[]): string | null {
  for (const id of ids) {
    const node = st.nodeIds.indexOf(id);
    if (node >= 0 && st.nodeStatus[node] === NodeStatusCode.absent) return `${id} has not been added`;
  }
  return null;
}

/** Why `c` cannot target its node(s) now, or null. Only with scaling (else no node is absent). */
export function absentTarget(st: SimState, c: Command): string | null {
  switch (c.type) {
    case 'crashNode':
    case 'restartNode': {
      const node = st.nodeIds.indexOf(c.nodeId);
      if (node >= 0 && st.nodeStatus[node] === NodeStatusCode.starting)
        return `${c.nodeId} is still starting (provisioning); it can be crashed or restarted once it serves`;
      return absentAmong(st, [c.nodeId]);
    }
    case 'slowNode':
    case 'failDisk':
    case 'replaceDisk':
      return absentAmong(st, [c.nodeId]);
    case 'partitionLink':
    case 'healLink':
    case 'setLinkLoss':
    case 'setLinkLatency':
      return absentAmong(st, c.linkId.split('~'));
    case 'partitionGroup':
    case 'rollOutConfig':
      return absentAmong(st, c.nodeIds);
    default:
      return null;
  }
}

/** A throwaway state with every slot present, for checking a command log's targets before a run. */
export function withEverySlotPresent(st: SimState): SimState {
  if (st.scaling === null) return st;
  for (let node = 2; node < st.nodeCount; node++)
    if (st.nodeStatus[node] === NodeStatusCode.absent) st.nodeStatus[node] = NodeStatusCode.up;
  return st;
}
