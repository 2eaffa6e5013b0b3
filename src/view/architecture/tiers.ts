// The tiers of the cluster a learner can reshape in the Setup tab's Architecture form, as data:
// each setting says how it is labelled, its unit and bounds, and how it reads and writes a
// Scenario. The form, its checks and its messages are driven by this list alone, so a new tier
// (the cache) is one more entry here, not a new branch in the form.
import type { Scenario } from '../../sim/index';

interface SettingBase {
  /** The scenario field it edits, as zod names it (`storage.capacity.slots`): its issues land here. */
  readonly key: string;
  /** The words beside the control, within its tier. */
  readonly label: string;
  /** The field's name in a message, where the tier is not in view ("Storage disk slots"). */
  readonly name: string;
  readonly hint?: string;
}

export interface NumberSetting extends SettingBase {
  readonly kind: 'number';
  /** Said after the label, in brackets: "Disks per node (disks)". */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The key of a toggle in the same tier: this setting is shown and applied only while it is on. */
  readonly onlyWhen?: string;
  /** A rule that depends on the rest of the scenario, checked before the schema's own words. */
  readonly check?: (value: number, scenario: Scenario) => string | null;
  read(scenario: Scenario): number;
  write(scenario: Scenario, value: number): Scenario;
}

export interface ToggleSetting extends SettingBase {
  readonly kind: 'toggle';
  read(scenario: Scenario): boolean;
  write(scenario: Scenario, on: boolean): Scenario;
}

export type TierSetting = NumberSetting | ToggleSetting;

export interface Tier {
  readonly id: string;
  readonly label: string;
  readonly settings: readonly TierSetting[];
}

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

const APP_TIER: Tier = {
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

const STORAGE_TIER: Tier = {
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
      onlyWhen: 'storage.capacity',
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
      onlyWhen: 'storage.capacity',
      read: (s) => capacityOf(s).queueLimit,
      write: (s, queueLimit) => capacity(s, { queueLimit }),
    },
  ],
};

export const TIERS: readonly Tier[] = [APP_TIER, STORAGE_TIER];

export const ALL_SETTINGS: readonly TierSetting[] = TIERS.flatMap((tier) => tier.settings);
