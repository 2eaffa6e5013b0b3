// Scaling commands: add or remove a node of a tier, give a tier bigger machines, set the
// autoscaler. check() finds every problem before anything changes; noScalingChange() names a
// live command that would change nothing. The cache tier's nodes are the cache module's to add
// and remove; here only their machine size (scaleUp) is set.
import type { Command } from '../commands';
import type { SimState } from '../state';
import { addCacheNode, removeCacheNode } from '../cache/cacheEvents';
import { NodeStatusCode } from '../codes';
import { addNode, freeSlot } from '../cluster/nodeSlots';
import { removeAppServer, removeStorageNode } from '../cluster/nodeRemoval';
import { CostTier } from './machineSeconds';
import { autoscalerProblem, describePolicy, setAutoscalerPolicy } from './autoscalerLoop';
import { cacheNodesPresent, isServing, servingAppServers, storageNodesPresent } from './scalingState';

export type ScalingCommand = Extract<Command, { type: 'addNode' | 'removeNode' | 'scaleUp' | 'setAutoscaler' }>;

const TIER_WORDS = { app: 'app servers', storage: 'storage nodes', cache: 'cache nodes' } as const;
const COST_TIER = { app: CostTier.app, storage: CostTier.storage, cache: CostTier.cache } as const;

function cacheNodes(st: SimState): number[] {
  const nodes: number[] = [];
  for (let node = st.cacheNode(0); node < st.cacheNode(st.cacheCount); node++) nodes.push(node);
  return nodes;
}

function removeProblem(st: SimState, c: Extract<ScalingCommand, { type: 'removeNode' }>): string | null {
  const node = st.nodeIds.indexOf(c.nodeId);
  if (node < 0) return `unknown node "${c.nodeId}"`;
  if (node < 2) return 'only app servers and storage nodes can be removed';
  const status = st.nodeStatus[node];
  if (status === NodeStatusCode.absent) return `${c.nodeId} has not been added`;
  if (st.isCache(node))
    return cacheNodesPresent(st) <= 1
      ? `${c.nodeId} is the last cache node; turn the cache off in the Architecture form instead`
      : null;
  if (st.scaling?.draining[node] === 1) return `${c.nodeId} is already being removed`;
  if (st.isApp(node)) {
    const left = servingAppServers(st) - (isServing(st, node - 2) ? 1 : 0);
    if (left < 1) return `${c.nodeId} is the last app server serving; add another before removing it`;
    return null;
  }
  let left = storageNodesPresent(st) - 1;
  for (let s = 0; s < st.storageCount; s++) if (st.scaling?.draining[st.storageNode(s)] === 1) left--;
  const rf = st.policy.replicationFactor;
  if (left < rf)
    return `removing ${c.nodeId} would leave ${left} storage nodes, fewer than the replication factor ${rf}`;
  return null;
}

export function checkScaling(st: SimState, c: ScalingCommand): string | null {
  if (st.scaling === null) return 'this scenario has no room to scale (scaling)';
  switch (c.type) {
    case 'addNode':
      if (c.tier === 'cache') {
        if (st.scenario.cache === undefined) return 'this scenario has no cache tier';
        return cacheNodesPresent(st) < st.cacheCount
          ? null
          : `the tier already has its ${st.cacheCount} cache nodes (scaling.maxCacheNodes)`;
      }
      if (freeSlot(st, c.tier) < 0) {
        const field = c.tier === 'app' ? 'scaling.maxAppServers' : 'scaling.maxStorageNodes';
        const count = c.tier === 'app' ? st.appCount : st.storageCount;
        return `the tier already has its ${count} ${TIER_WORDS[c.tier]} (${field})`;
      }
      return null;
    case 'removeNode':
      return removeProblem(st, c);
    case 'scaleUp':
      return c.tier === 'cache' && st.scenario.cache === undefined ? 'this scenario has no cache tier' : null;
    case 'setAutoscaler':
      return autoscalerProblem(st, c.policy, 'policy');
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** Why a live scaling command would change nothing now, or null. Call after checkScaling. */
export function noScalingChange(st: SimState, c: ScalingCommand): string | null {
  const scaling = st.scaling;
  if (scaling === null) return null;
  if (c.type === 'scaleUp' && scaling.tierSpeed[COST_TIER[c.tier]] === c.factor)
    return `the ${TIER_WORDS[c.tier]} already run at ${c.factor}x`;
  if (c.type === 'setAutoscaler' && c.policy === null && scaling.autoscaler === null)
    return 'the autoscaler is already off';
  if (c.type === 'setAutoscaler' && JSON.stringify(c.policy) === JSON.stringify(scaling.autoscaler))
    return 'the autoscaler already runs with this policy';
  return null;
}

export function applyScaling(st: SimState, c: ScalingCommand): void {
  const scaling = st.scaling;
  if (scaling === null) return;
  switch (c.type) {
    case 'addNode':
      if (c.tier !== 'cache') addNode(st, c.tier, scaling.settings.provisioningMs);
      else if (addCacheNode(st, scaling.settings.provisioningMs) >= 0) scaling.cost.add(CostTier.cache, st.nowMs);
      return;
    case 'removeNode': {
      const node = st.nodeIds.indexOf(c.nodeId);
      if (st.isCache(node)) {
        removeCacheNode(st, node);
        return scaling.cost.remove(CostTier.cache, st.nowMs);
      }
      return st.isApp(node) ? removeAppServer(st, node, c.mode) : removeStorageNode(st, node, c.mode);
    }
    case 'scaleUp':
      return scaleUp(st, c.tier, c.factor);
    case 'setAutoscaler':
      setAutoscalerPolicy(st, c.policy);
      return st.note(
        'autoscalerSet',
        'app servers',
        c.policy === null ? 'autoscaler off' : `autoscaler on: ${describePolicy(c.policy)}`,
      );
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** Every machine of the tier (and every one added later) serves `factor` times faster from now. */
function scaleUp(st: SimState, tier: 'app' | 'storage' | 'cache', factor: number): void {
  const scaling = st.scaling;
  if (scaling === null) return;
  scaling.tierSpeed[COST_TIER[tier]] = factor;
  const nodes =
    tier === 'app'
      ? Array.from({ length: st.appCount }, (_, a) => st.appNode(a))
      : tier === 'storage'
        ? Array.from({ length: st.storageCount }, (_, s) => st.storageNode(s))
        : cacheNodes(st);
  for (const node of nodes) st.nodeSpeed[node] = factor;
  const words = factor >= 1 ? `${factor}x faster machines` : `machines ${Math.round(100 * factor)}% as fast`;
  st.note(
    'tierScaledUp',
    TIER_WORDS[tier],
    `${words}: work already started keeps its pace, new work runs at the new speed`,
  );
}
