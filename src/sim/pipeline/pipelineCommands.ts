// Commands on the pipeline: add or remove a consumer, change the log's acks, minimum in sync or
// retention (too short a retention is a human error the lab lets you make), switch how the index
// is fed, and fail or replace a broker's or index node's disk. check() finds every problem first.
import type { Command } from '../commands';
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { pipelineDiskFailed, pipelineDiskReplaced } from './pipelineEvents';
import { addConsumer, removeConsumer } from './consumerEvents';

export type PipelineCommand = Extract<Command, { type: 'addConsumer' | 'removeConsumer' | 'setLog' | 'setIndexMode' }>;
type DiskCommand = Extract<Command, { type: 'failDisk' | 'replaceDisk' }>;

export function checkPipeline(st: SimState, c: PipelineCommand): string | null {
  const p = st.pipeline;
  switch (c.type) {
    case 'addConsumer': {
      const g = p?.groups.find((x) => x.settings.name === c.group);
      if (g === undefined) return `no consumer group is called "${c.group}"`;
      if (absentSlots(st, g.firstNode, g.settings.maxConsumers) === 0)
        return `${c.group} already has its most consumers (${g.settings.maxConsumers})`;
      return null;
    }
    case 'removeConsumer': {
      const node = st.nodeIds.indexOf(c.nodeId);
      if (node < 0) return `unknown node "${c.nodeId}"`;
      if (p?.role(node) !== 'consumer') return `${c.nodeId} is not a consumer`;
      if (st.nodeStatus[node] === NodeStatusCode.absent) return `${c.nodeId} has not been added`;
      return null;
    }
    case 'setLog': {
      const log = p?.log;
      if (log === null || log === undefined) return 'this scenario has no log';
      const min = c.policy.minInSync;
      if (min !== undefined && min > log.settings.replicationFactor)
        return `minInSync: must not exceed the replication factor (${log.settings.replicationFactor})`;
      return null;
    }
    case 'setIndexMode':
      if (p?.index === null || p?.index === undefined) return 'this scenario has no search index';
      if (c.mode === 'log' && p.groupByRole('indexer') === null)
        return "'log' needs a consumer group with the role indexer";
      return null;
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** Consumer slots of a group that are absent (room to add). */
function absentSlots(st: SimState, first: number, count: number): number {
  let n = 0;
  for (let c = 0; c < count; c++) if (st.nodeStatus[first + c] === NodeStatusCode.absent) n++;
  return n;
}

export function applyPipeline(st: SimState, c: PipelineCommand): void {
  const p = st.pipeline;
  if (p === null) return;
  switch (c.type) {
    case 'addConsumer':
      addConsumer(
        st,
        p,
        p.groups.findIndex((g) => g.settings.name === c.group),
      );
      return;
    case 'removeConsumer':
      return removeConsumer(st, p, st.nodeIds.indexOf(c.nodeId));
    case 'setLog': {
      p.log?.setPolicy(c.policy);
      const parts: string[] = [];
      if (c.policy.acks !== undefined)
        parts.push(`acks from ${c.policy.acks === 'all' ? 'all in-sync replicas' : 'the leader only'}`);
      if (c.policy.minInSync !== undefined) parts.push(`at least ${c.policy.minInSync} in sync`);
      if (c.policy.retentionMs !== undefined)
        parts.push(
          c.policy.retentionMs === null
            ? 'events kept up to the size limit'
            : `events kept ${c.policy.retentionMs / 1000} s`,
        );
      st.note('logPolicySet', p.log?.settings.topic ?? 'log', parts.join(', ') || 'no change');
      return;
    }
    case 'setIndexMode':
      if (p.index !== null) p.index.mode = c.mode;
      st.note(
        'indexModeSet',
        'index',
        c.mode === 'sync'
          ? 'writes now update the index before they are acknowledged'
          : 'writes now reach the index through the log',
      );
      return;
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** A disk command on a pipeline node (null when the node is not the pipeline's), or its problem. */
export function checkPipelineDisk(st: SimState, c: DiskCommand): string | null | undefined {
  const p = st.pipeline;
  const node = st.nodeIds.indexOf(c.nodeId);
  if (p === null || !p.owns(node)) return undefined;
  const role = p.role(node);
  if (role === 'consumer') return `${c.nodeId} has no disks (consumers keep nothing on disk)`;
  if (c.disk !== 0) return `${c.nodeId} has one disk, disk 0, not ${c.disk}`;
  if (st.nodeStatus[node] === NodeStatusCode.absent) return `${c.nodeId} has not been added`;
  if (role === 'index' && c.type === 'replaceDisk') return `${c.nodeId} gets a new disk by itself when its disk fails`;
  const failed = role === 'broker' && p.log?.diskFailed[p.number(node)] === 1;
  if (c.type === 'replaceDisk' && !failed)
    return `disk 0 of ${c.nodeId} is healthy; only a failed disk can be replaced`;
  return null;
}

export function applyPipelineDisk(st: SimState, c: DiskCommand): boolean {
  const p = st.pipeline;
  const node = st.nodeIds.indexOf(c.nodeId);
  if (p === null || !p.owns(node)) return false;
  if (c.type === 'failDisk') pipelineDiskFailed(st, p, node);
  else pipelineDiskReplaced(st, p, node);
  return true;
}

/** Why failing a pipeline node's disk would change nothing (a broker's already failed), null, or undefined when not the pipeline's. */
export function pipelineDiskNoChange(st: SimState, c: DiskCommand): string | null | undefined {
  const p = st.pipeline;
  const node = st.nodeIds.indexOf(c.nodeId);
  if (p === null || !p.owns(node)) return undefined;
  return p.role(node) === 'broker' && p.log?.diskFailed[p.number(node)] === 1
    ? `disk ${c.disk} of ${c.nodeId} has already failed`
    : null;
}
