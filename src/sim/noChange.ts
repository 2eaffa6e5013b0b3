// Commands that would change nothing: "Roll back" with nothing rolled out, restarting a running
// node, crashing one that is already down. A live command like that is refused with the reason,
// so the log never shows a recovery that did not happen. Replays of older links still apply them
// (refusing them there would change those runs' hashes); the sim then notes them as no-ops.
import type { Command } from './commands';
import { DiskStatusCode, NodeStatusCode } from './codes';
import { diskIndex, linkIndex, nodeIndex } from './applyCommand';
import type { SimState } from './state';
import { cacheNoChange } from './cache/cacheCommands';
import { noScalingChange } from './scaling/scalingCommands';
import { pipelineDiskNoChange } from './pipeline/pipelineCommands';

/** Why `c` would change nothing now, or null when it would change something. Call after check(). */
export function noChange(st: SimState, c: Command): string | null {
  switch (c.type) {
    case 'rollBack':
      return st.pendingRollout === null && st.badConfig.every((config) => config === null)
        ? 'nothing has been rolled out, so there is nothing to roll back'
        : null;
    case 'restartNode':
      return st.nodeStatus[nodeIndex(st, c.nodeId)] === NodeStatusCode.up ? `${c.nodeId} is already running` : null;
    case 'crashNode':
      return st.nodeStatus[nodeIndex(st, c.nodeId)] !== NodeStatusCode.up ? `${c.nodeId} is already down` : null;
    case 'slowNode':
      return st.nodeSlow[nodeIndex(st, c.nodeId)] === c.factor
        ? c.factor > 1
          ? `${c.nodeId} already runs ${c.factor}x slower`
          : `${c.nodeId} already runs at normal speed`
        : null;
    case 'failDisk': {
      const pipelineDisk = pipelineDiskNoChange(st, c);
      if (pipelineDisk !== undefined) return pipelineDisk;
      const disk = diskIndex(st, c.nodeId, c.disk) as number;
      return st.diskStatus[disk] !== DiskStatusCode.healthy ? `disk ${c.disk} of ${c.nodeId} has already failed` : null;
    }
    case 'partitionLink':
    case 'healLink': {
      const cut = st.linkCut[linkIndex(st, c.linkId)] === 1;
      if (c.type === 'partitionLink' && cut) return `link ${c.linkId} is already cut`;
      if (c.type === 'healLink' && !cut) return `link ${c.linkId} is not cut`;
      return null;
    }
    case 'flushCache':
    case 'setCache':
    case 'setStorageQueueLimit':
      return cacheNoChange(st, c);
    case 'addNode':
    case 'removeNode':
    case 'scaleUp':
    case 'setAutoscaler':
      return noScalingChange(st, c);
    case 'setIndexMode':
      return st.pipeline?.index?.mode === c.mode
        ? `the index is already fed ${c.mode === 'sync' ? 'in the write path' : 'through the log'}`
        : null;
    default:
      return null;
  }
}
