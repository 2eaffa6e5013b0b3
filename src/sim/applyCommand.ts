// Carries out a user's command at the current simulated time. check() finds every problem
// before anything changes, so a rejected command leaves the simulation untouched.
import type { Command } from './commands';
import { EventKind } from './events';
import { scheduleNextArrival, issueRequest, FLAG_POISON } from './cluster/client';
import { scheduleHardwareFaults } from './cluster/hardwareFaults';
import { rebuildRotation, resetRotation } from './cluster/loadBalancer';
import {
  crashNode,
  failDisk,
  powerFailRack,
  replaceDisk,
  restartNode,
  restoreRackPower,
  slowNode,
} from './cluster/node';
import { changeReplicationFactor } from './cluster/replication';
import { resizeQueues } from './cluster/appServer';
import type { SimState } from './state';
import { DiskStatusCode, NodeStatusCode, type BadConfig } from './codes';
import { fleetFailureProblems } from './scenarioSchema';
import { setLinkCut, partitionGroup, healAll } from './cluster/partitions';
import { linkQualityChanged } from './cluster/network';
import { applyScaling, checkScaling } from './scaling/scalingCommands';
import { applyCache, checkCache } from './cache/cacheCommands';
import { absentTarget } from './scaling/absentTargets';
import { applyPipeline, applyPipelineDisk, checkPipeline, checkPipelineDisk } from './pipeline/pipelineCommands';
import { storageNodesPresent } from './scaling/scalingState';

export function nodeIndex(st: SimState, id: string): number {
  return st.nodeIds.indexOf(id);
}

export function linkIndex(st: SimState, id: string): number {
  const [a, b, extra] = id.split('~');
  if (a === undefined || b === undefined || extra !== undefined) return -1;
  const x = nodeIndex(st, a);
  const y = nodeIndex(st, b);
  if (x < 0 || y < 0) return -1;
  for (const [from, to] of [
    [x, y],
    [y, x],
  ] as const) {
    if (from === 0 && to === 1) return 0;
    if (from === 1 && st.isApp(to)) return st.balancerLink(to - 2);
    if (st.isApp(from) && st.isStorage(to)) return st.storageLink(from - 2, to - 2 - st.appCount);
    if (st.isApp(from) && st.isCache(to)) return st.cacheLink(from - 2, to - st.cacheNode(0));
  }
  return -1;
}

export function diskIndex(st: SimState, nodeId: string, disk: number): number | string {
  const node = nodeIndex(st, nodeId);
  if (node < 0) return `unknown node "${nodeId}"`;
  if (!st.isStorage(node)) return `${nodeId} has no disks (only storage nodes do)`;
  if (disk >= st.disksPerNode) return `${nodeId} has disks 0 to ${st.disksPerNode - 1}, not ${disk}`;
  return (node - 2 - st.appCount) * st.disksPerNode + disk;
}

/** The hardware settings a setHardwareFaults command gives (the ones it leaves out keep their value). */
function definedOnly(c: Extract<Command, { type: 'setHardwareFaults' }>): Partial<SimState['hardware']> {
  const out: Partial<SimState['hardware']> = {};
  if (c.diskMttfHours !== undefined) out.diskMttfHours = c.diskMttfHours;
  if (c.nodeMttfHours !== undefined) out.nodeMttfHours = c.nodeMttfHours;
  if (c.diskReplaceHours !== undefined) out.diskReplaceHours = c.diskReplaceHours;
  if (c.timeCompression !== undefined) out.timeCompression = c.timeCompression;
  return out;
}

/** The reason a command cannot be applied, or null if it can. */
export function check(st: SimState, c: Command): string | null {
  const absent = st.scaling === null ? null : absentTarget(st, c);
  if (absent !== null) return absent;
  switch (c.type) {
    case 'crashNode':
    case 'restartNode':
    case 'slowNode': {
      const node = nodeIndex(st, c.nodeId);
      if (node < 0) return `unknown node "${c.nodeId}"`;
      if (node === 0) return 'the clients stand for the users and cannot be crashed, restarted or slowed';
      if (st.nodeStatus[node] === NodeStatusCode.absent) return `${c.nodeId} has not been added`;
      if (st.nodeStatus[node] === NodeStatusCode.starting) return `${c.nodeId} is still starting`;
      return null;
    }
    case 'failDisk':
    case 'replaceDisk': {
      const pipelineDisk = checkPipelineDisk(st, c);
      if (pipelineDisk !== undefined) return pipelineDisk;
      const disk = diskIndex(st, c.nodeId, c.disk);
      if (typeof disk === 'string') return disk;
      if (c.type === 'replaceDisk' && st.diskStatus[disk] === DiskStatusCode.healthy)
        return `disk ${c.disk} of ${c.nodeId} is healthy; only a failed disk can be replaced`;
      return null;
    }
    case 'partitionLink':
    case 'healLink':
    case 'setLinkLoss':
    case 'setLinkLatency':
      return linkIndex(st, c.linkId) < 0 ? `unknown link "${c.linkId}"` : null;
    case 'partitionGroup': {
      const unknown = c.nodeIds.find((id) => nodeIndex(st, id) < 0);
      if (unknown !== undefined) return `unknown node "${unknown}"`;
      if (new Set(c.nodeIds).size >= st.nodeCount) return 'a group must leave at least one node on the other side';
      return null;
    }
    case 'powerFailRack':
    case 'restoreRackPower':
      return st.rackIds.includes(c.rackId) ? null : `unknown rack "${c.rackId}"`;
    case 'rollOutConfig': {
      const bad = c.nodeIds.find((id) => !st.isApp(nodeIndex(st, id)));
      return bad === undefined ? null : `"${bad}" is not an app server`;
    }
    case 'setPolicy': {
      const p = { ...st.policy, ...c.policy };
      const storageNodes = storageNodesPresent(st);
      if (p.replicationFactor > storageNodes)
        return `replicationFactor ${p.replicationFactor} exceeds the ${storageNodes} storage nodes`;
      if (p.writeQuorum > p.replicationFactor)
        return `writeQuorum ${p.writeQuorum} exceeds replicationFactor ${p.replicationFactor}`;
      if (p.readQuorum > p.replicationFactor)
        return `readQuorum ${p.readQuorum} exceeds replicationFactor ${p.replicationFactor}`;
      return null;
    }
    case 'healAll':
    case 'spikeLoad':
    case 'sendPoisonRequests':
    case 'rollBack':
      return null;
    case 'setLoad': {
      const reads = c.readShare ?? st.readShare;
      const searches = c.searchShare ?? st.searchShare;
      if (searches > 0 && st.pipeline?.index == null) return 'searchShare: this scenario has no search index';
      return reads + searches > 1 + 1e-9
        ? `readShare + searchShare must not exceed 1 (it would be ${reads + searches})`
        : null;
    }
    case 'setHardwareFaults': {
      const h = { ...st.hardware, ...definedOnly(c) };
      const problem = fleetFailureProblems(h, st.diskStatus.length, st.appCount + st.storageCount)[0];
      return problem === undefined ? null : `${problem.field}: ${problem.message}`;
    }
    case 'addNode':
    case 'removeNode':
    case 'scaleUp':
    case 'setAutoscaler':
      return checkScaling(st, c);
    case 'flushCache':
    case 'setCache':
    case 'setStorageQueueLimit':
      return checkCache(st, c);
    case 'addConsumer':
    case 'removeConsumer':
    case 'setLog':
    case 'setIndexMode':
      return checkPipeline(st, c);
    default: {
      const never: never = c;
      return never;
    }
  }
}

export function apply(st: SimState, c: Command): void {
  switch (c.type) {
    case 'crashNode':
      return crashNode(st, nodeIndex(st, c.nodeId), 'crashed by hand');
    case 'restartNode':
      return restartNode(st, nodeIndex(st, c.nodeId), 'restarted by hand');
    case 'slowNode':
      return slowNode(st, nodeIndex(st, c.nodeId), c.factor);
    case 'failDisk':
      if (applyPipelineDisk(st, c)) return;
      return failDisk(st, diskIndex(st, c.nodeId, c.disk) as number, 'failed by hand');
    case 'replaceDisk':
      if (applyPipelineDisk(st, c)) return;
      return replaceDisk(st, diskIndex(st, c.nodeId, c.disk) as number);
    case 'partitionLink':
    case 'healLink':
      return setLinkCut(st, linkIndex(st, c.linkId), c.type === 'partitionLink');
    case 'setLinkLoss':
      st.linkLoss[linkIndex(st, c.linkId)] = c.loss;
      linkQualityChanged(st, linkIndex(st, c.linkId));
      return st.note('linkLossSet', c.linkId, `${(c.loss * 100).toFixed(1)}% of messages lost`);
    case 'setLinkLatency':
      st.linkLatencyMs[linkIndex(st, c.linkId)] = c.extraMs;
      linkQualityChanged(st, linkIndex(st, c.linkId));
      return st.note('linkLatencySet', c.linkId, `${c.extraMs} ms extra latency`);
    case 'partitionGroup':
      return partitionGroup(
        st,
        c.nodeIds.map((id) => nodeIndex(st, id)),
      );
    case 'healAll':
      return healAll(st);
    case 'spikeLoad':
      st.loadMultiplier = c.multiplier;
      st.peakLoadRps = Math.max(st.peakLoadRps, st.rateRps * st.loadMultiplier);
      st.spikeToken++;
      st.at(st.nowMs + c.durationMs, EventKind.spikeEnd, 0, st.spikeToken);
      st.note('loadSpiked', 'clients', `load x${c.multiplier} for ${c.durationMs / 1000} s`);
      return scheduleNextArrival(st);
    case 'powerFailRack':
      return powerFailRack(st, st.rackIds.indexOf(c.rackId), c.durationMs, c.diskFailShare);
    case 'restoreRackPower':
      return restoreRackPower(st, st.rackIds.indexOf(c.rackId));
    case 'sendPoisonRequests':
      st.note('poisonSent', 'clients', `${c.count} poison requests sent`);
      for (let i = 0; i < c.count; i++) issueRequest(st, FLAG_POISON);
      return;
    case 'rollOutConfig':
      return rollOut(st, c);
    case 'rollBack':
      return rollBack(st);
    case 'setPolicy':
      return setPolicy(st, c.policy);
    case 'setLoad':
      if (c.rateRps !== undefined) st.rateRps = c.rateRps;
      st.peakLoadRps = Math.max(st.peakLoadRps, st.rateRps * st.loadMultiplier);
      if (c.readShare !== undefined) st.readShare = c.readShare;
      if (c.searchShare !== undefined) st.searchShare = c.searchShare;
      if (c.fanOut !== undefined) st.fanOut = c.fanOut;
      if (c.writeFanOut !== undefined) st.writeFanOut = c.writeFanOut;
      st.note(
        'loadChanged',
        'clients',
        `${st.rateRps} req/s, ${Math.round(st.readShare * 100)}% reads, fan-out ${st.fanOut} per read and ${st.writeFanOut} per write`,
      );
      return scheduleNextArrival(st);
    case 'setHardwareFaults':
      st.hardwareBaseMs = st.hardwareNowMs();
      st.hardwareSinceMs = st.nowMs;
      st.hardware = {
        ...st.hardware,
        enabled: c.enabled,
        ...definedOnly(c),
      };
      st.note(
        'hardwareFaultsSet',
        'cluster',
        c.enabled
          ? `random hardware faults on, time x${st.hardware.timeCompression}; ${hardwareValues(st)}`
          : 'random hardware faults off',
      );
      return scheduleHardwareFaults(st);
    case 'addNode':
    case 'removeNode':
    case 'scaleUp':
    case 'setAutoscaler':
      return applyScaling(st, c);
    case 'flushCache':
    case 'setCache':
    case 'setStorageQueueLimit':
      return applyCache(st, c);
    case 'addConsumer':
    case 'removeConsumer':
    case 'setLog':
    case 'setIndexMode':
      return applyPipeline(st, c);
    default: {
      const never: never = c;
      return never;
    }
  }
}

function setPolicy(st: SimState, change: Partial<SimState['policy']>): void {
  const before = st.policy;
  st.policy = { ...before, ...change, retry: { ...(change.retry ?? before.retry) } };
  st.faultEpoch++;
  if (st.policy.queueLimit !== before.queueLimit) resizeQueues(st, st.policy.queueLimit);
  if (st.policy.replicationFactor !== before.replicationFactor)
    changeReplicationFactor(st, before.replicationFactor, st.policy.replicationFactor);
  if (!st.policy.healthChecks) resetRotation(st);
  // The new values ride along as JSON so the event log can say what changed, not only which keys.
  const keys = Object.keys(change) as (keyof SimState['policy'])[];
  const values = Object.fromEntries(keys.map((key) => [key, st.policy[key]]));
  st.note('policyChanged', 'cluster', `${keys.join(', ')} changed: ${JSON.stringify(values)}`);
}

/** The hardware settings in force, for the event log to put in words. */
function hardwareValues(st: SimState): string {
  const h = st.hardware;
  return `disk MTTF ${h.diskMttfHours} h, machine MTTF ${h.nodeMttfHours} h, machine repair ${h.nodeRepairHours} h, disk replacement ${h.diskReplaceHours} h`;
}

function rollOut(st: SimState, c: Extract<Command, { type: 'rollOutConfig' }>): void {
  const targets =
    c.nodeIds.length > 0
      ? c.nodeIds.map((id) => nodeIndex(st, id))
      : Array.from({ length: st.appCount }, (_, a) => st.appNode(a));
  const config: BadConfig = { errorShare: c.errorShare, slowShare: c.slowShare, slowFactor: c.slowFactor };
  const first = c.mode === 'canary' ? targets.slice(0, c.canaryCount) : targets;
  for (const node of first) st.badConfig[node] = config;
  st.note(
    'configRolledOut',
    first.map((n) => st.nodeIds[n]).join(', '),
    c.mode === 'canary' ? 'new configuration on the canary' : 'new configuration on all targets',
  );
  st.rolloutToken++;
  st.pendingRollout = null;
  if (c.mode === 'canary' && targets.length > first.length) {
    st.pendingRollout = { nodes: targets.slice(first.length), config };
    st.at(st.nowMs + c.stageDelayMs, EventKind.rolloutStage, 0, st.rolloutToken);
  }
}

export function onRolloutStage(st: SimState, token: number): void {
  if (token !== st.rolloutToken || st.pendingRollout === null) return;
  for (const node of st.pendingRollout.nodes) st.badConfig[node] = st.pendingRollout.config;
  st.note('configRolledOut', 'app servers', 'new configuration on the remaining servers');
  st.pendingRollout = null;
}

function rollBack(st: SimState): void {
  // Only links made before no-change commands were refused can get here with nothing rolled out:
  // the line stays (its type and target are in the hash) but says that nothing changed.
  const nothing = st.pendingRollout === null && st.badConfig.every((c) => c === null);
  st.badConfig.fill(null);
  st.rolloutToken++;
  st.pendingRollout = null;
  if (nothing) st.note('configRolledBack', 'app servers', 'nothing was rolled out, so nothing changed', true);
  else st.note('configRolledBack', 'app servers', 'previous configuration restored everywhere');
}

export { rebuildRotation };
