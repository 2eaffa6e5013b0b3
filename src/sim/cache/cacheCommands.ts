// Cache commands: flush a cache node (a human error: it comes back empty), change the cache's
// policies while the run goes on, or the storage queue limit (shedding at storage). check() finds every
// problem before anything changes.
import type { Command } from '../commands';
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { emptyCacheNode } from './cacheEvents';

export type CacheCommand = Extract<Command, { type: 'flushCache' | 'setCache' | 'setStorageQueueLimit' }>;

export function checkCache(st: SimState, c: CacheCommand): string | null {
  if (c.type === 'setStorageQueueLimit')
    return st.storageQueues === null
      ? 'storage nodes here have no capacity limit (storage.capacity), so no queue'
      : null;
  const tier = st.cacheTier;
  if (tier === null) return 'this scenario has no cache tier';
  if (c.type === 'setCache') return null;
  const node = st.nodeIds.indexOf(c.nodeId);
  if (node < 0) return `unknown node "${c.nodeId}"`;
  if (!st.isCache(node)) return `${c.nodeId} is not a cache node`;
  if (st.nodeStatus[node] === NodeStatusCode.absent) return `${c.nodeId} has not been added`;
  return null;
}

/** Why a cache command would change nothing now, or null. */
export function cacheNoChange(st: SimState, c: CacheCommand): string | null {
  if (c.type === 'setStorageQueueLimit')
    return st.storageQueues?.queueLimit === c.queueLimit ? `storage queues already hold ${c.queueLimit}` : null;
  const tier = st.cacheTier;
  if (tier === null) return null;
  if (c.type === 'flushCache') {
    const store = tier.stores[st.nodeIds.indexOf(c.nodeId) - st.cacheNode(0)];
    return store !== undefined && store.size === 0 ? `${c.nodeId} holds nothing to flush` : null;
  }
  const changed = (Object.keys(c.policy) as (keyof typeof c.policy)[]).some(
    (key) => c.policy[key] !== undefined && c.policy[key] !== tier.policy[key],
  );
  return changed ? null : 'the cache already works that way';
}

export function applyCache(st: SimState, c: CacheCommand): void {
  if (c.type === 'setStorageQueueLimit') {
    if (st.storageQueues === null) return;
    const before = st.storageQueues.queueLimit;
    st.storageQueues.queueLimit = c.queueLimit;
    const how = c.queueLimit < before ? 'sheds load sooner' : 'queues more before shedding';
    st.note(
      'storageQueueChanged',
      'storage',
      `each storage node queues up to ${c.queueLimit} operations (was ${before}): ${how}`,
    );
    return;
  }
  const tier = st.cacheTier;
  if (tier === null) return;
  if (c.type === 'flushCache') {
    const node = st.nodeIds.indexOf(c.nodeId);
    const held = tier.stores[node - st.cacheNode(0)]?.size ?? 0;
    emptyCacheNode(st, node);
    st.note('cacheFlushed', c.nodeId, `flushed by hand: ${held} cached keys dropped`);
    return;
  }
  const change = Object.fromEntries(Object.entries(c.policy).filter(([, v]) => v !== undefined));
  tier.policy = { ...tier.policy, ...change };
  if (c.policy.ttlMs !== undefined) for (const store of tier.stores) store.ttlMs = c.policy.ttlMs;
  st.note('cachePolicyChanged', 'cache', `${Object.keys(change).join(', ')} changed: ${JSON.stringify(change)}`);
}
