// The tiers every scenario has: the app servers and the replicated storage (with its optional
// capacity, which makes a storage node able to be overloaded).
import type { Scenario } from '../../sim/index';
import { whenOn, type Tier } from './tierSetting';

/** What turning storage capacity on starts from: room for the default load, with a queue. */
export const DEFAULT_STORAGE_CAPACITY = { slots: 4, queueLimit: 200 } as const;

type AppServers = Scenario['appServers'];
type Storage = Scenario['storage'];
type Capacity = NonNullable<Storage['capacity']>;

const appServers = (s: Scenario, patch: Partial<AppServers>): Scenario => ({
  ...s,
  appServers: { ...s.appServers, ...patch },
});
const storage = (s: Scenario, patch: Partial<Storage>): Scenario => ({ ...s, storage: { ...s.storage, ...patch } });
const capacityOf = (s: Scenario): Capacity => s.storage.capacity ?? DEFAULT_STORAGE_CAPACITY;
const capacity = (s: Scenario, patch: Partial<Capacity>): Scenario =>
  storage(s, { capacity: { ...capacityOf(s), ...patch } });

export const APP_TIER: Tier = {
  id: 'app',
  label: 'App servers',
  settings: [
    {
      kind: 'number',
      key: 'appServers.count',
      label: 'Servers',
      name: 'App servers',
      unit: 'machines',
      min: 1,
      max: 1000,
      step: 1,
      read: (s) => s.appServers.count,
      write: (s, count) => appServers(s, { count }),
    },
    {
      kind: 'number',
      key: 'appServers.workers',
      label: 'Workers per server',
      name: 'App server workers',
      unit: 'requests at once',
      min: 1,
      max: 256,
      step: 1,
      read: (s) => s.appServers.workers,
      write: (s, workers) => appServers(s, { workers }),
    },
  ],
};

export const STORAGE_TIER: Tier = {
  id: 'storage',
  label: 'Storage',
  settings: [
    {
      kind: 'number',
      key: 'storage.count',
      label: 'Nodes',
      name: 'Storage nodes',
      unit: 'machines',
      min: 1,
      max: 1000,
      step: 1,
      // Every partition keeps its replicas on different nodes.
      check: (count, s) =>
        count < s.policy.replicationFactor
          ? `must be at least the replication factor, ${s.policy.replicationFactor}, as each copy of a partition needs its own node`
          : null,
      read: (s) => s.storage.count,
      write: (s, count) => storage(s, { count }),
    },
    {
      kind: 'number',
      key: 'storage.disksPerNode',
      label: 'Disks per node',
      name: 'Storage disks per node',
      unit: 'disks',
      min: 1,
      max: 24,
      step: 1,
      read: (s) => s.storage.disksPerNode,
      write: (s, disksPerNode) => storage(s, { disksPerNode }),
    },
    {
      kind: 'toggle',
      key: 'storage.capacity',
      label: 'Limit disk operations per node (capacity)',
      name: 'Storage capacity',
      hint: 'Off: every operation starts at once. On: a few at a time; the rest queue.',
      read: (s) => s.storage.capacity !== undefined,
      write: (s, on) => {
        if (on) return capacity(s, {});
        const { capacity: _dropped, ...rest } = s.storage;
        return { ...s, storage: rest };
      },
    },
    {
      kind: 'number',
      key: 'storage.capacity.slots',
      label: 'Disk slots per node',
      name: 'Storage disk slots',
      unit: 'operations at once',
      min: 1,
      max: 1024,
      step: 1,
      onlyWhen: whenOn('storage.capacity'),
      read: (s) => capacityOf(s).slots,
      write: (s, slots) => capacity(s, { slots }),
    },
    {
      kind: 'number',
      key: 'storage.capacity.queueLimit',
      label: 'Queue limit per node',
      name: 'Storage queue limit',
      unit: 'waiting operations',
      hint: 'When the queue is full, the replica answers "overloaded".',
      min: 0,
      max: 100_000,
      step: 1,
      onlyWhen: whenOn('storage.capacity'),
      read: (s) => capacityOf(s).queueLimit,
      write: (s, queueLimit) => capacity(s, { queueLimit }),
    },
  ],
};
