// The two consumer groups in the Architecture form, one tier each: the indexer (keeps the search
// index up to date) and the notifier (sends an email per write). A group is found by its role,
// so its fields' issues, which zod names by the group's place in the list, land on its settings.
import { MAX_CONSUMERS } from '../../sim/log/consumerGroup';
import type { Scenario } from '../../sim/index';
import { LONGEST_WAIT_MS } from '../../sim/schemaBasics';
import { consumerRoles, type ConsumerGroupSettings, type ConsumerRole } from '../../sim/pipeline/pipelineSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { logOf } from './logTier';
import { msOf, secondsOf, whenOn, type NumberSetting, type Tier, type TierSetting } from './tierSetting';

type GroupNumber = 'consumers' | 'maxConsumers' | 'workers' | 'commitIntervalMs';

/** What turning a group on starts from: the data-system scenario's group with that role. */
export function defaultGroup(role: ConsumerRole): ConsumerGroupSettings {
  const group = dataSystem.consumerGroups?.find((g) => g.role === role);
  if (group === undefined) throw new Error(`data-system has no ${role} group`);
  return group;
}

const placeOf = (s: Scenario, role: ConsumerRole) => (s.consumerGroups ?? []).findIndex((g) => g.role === role);
const groupOf = (s: Scenario, role: ConsumerRole) =>
  s.consumerGroups?.find((g) => g.role === role) ?? { ...defaultGroup(role), topic: logOf(s).topic };

/** The scenario with this role's group patched, or added in role order (indexer before notifier). */
function group(s: Scenario, role: ConsumerRole, patch: Partial<ConsumerGroupSettings>): Scenario {
  const groups = s.consumerGroups ?? [];
  const place = placeOf(s, role);
  const next = { ...groupOf(s, role), ...patch };
  if (place >= 0) return { ...s, consumerGroups: groups.map((g, i) => (i === place ? next : g)) };
  const rank = (r: ConsumerRole) => consumerRoles.indexOf(r);
  const at = groups.findIndex((g) => rank(g.role) > rank(role));
  const list = at < 0 ? [...groups, next] : [...groups.slice(0, at), next, ...groups.slice(at)];
  return { ...s, consumerGroups: list };
}

function withoutGroup(s: Scenario, role: ConsumerRole): Scenario {
  const { consumerGroups: groups = [], ...rest } = s;
  const left = groups.filter((g) => g.role !== role);
  return left.length > 0 ? { ...rest, consumerGroups: left } : rest;
}

/** The zod paths of a group's fields in this scenario (consumerGroups.1.topic), or none. */
const pathsOf = (role: ConsumerRole, fields: readonly string[]) => (s: Scenario) => {
  const place = placeOf(s, role);
  return place < 0 ? [] : fields.map((f) => `consumerGroups.${place}.${f}`);
};

function groupSettings(role: ConsumerRole, title: string, what: string): TierSetting[] {
  const key = `consumerGroups.${role}`;
  const on = whenOn(key);
  const number = (field: GroupNumber, label: string, name: string, unit: string, max: number, hint?: string) =>
    ({
      kind: 'number',
      key: `${key}.${field}`,
      label,
      name: `${title} ${name}`,
      unit,
      hint,
      min: 1,
      max,
      step: 1,
      onlyWhen: on,
      paths: pathsOf(role, [field]),
      read: (s) => groupOf(s, role)[field],
      write: (s, value) => group(s, role, { [field]: value }),
    }) satisfies NumberSetting;
  return [
    {
      kind: 'toggle',
      key,
      label: `${title} group (${what})`,
      name: `${title} group`,
      hint: 'It reads the log’s topic; needs the log.',
      paths: pathsOf(role, ['name', 'role', 'topic', 'assignment']),
      read: (s) => placeOf(s, role) >= 0,
      write: (s, isOn) => (isOn ? group(s, role, {}) : withoutGroup(s, role)),
    },
    number('consumers', 'Consumers', 'consumers', 'machines at the start', MAX_CONSUMERS),
    number('maxConsumers', 'Most consumers', 'most consumers', 'machines while it runs', MAX_CONSUMERS),
    number('workers', 'Workers per consumer', 'workers', 'events at once', 64),
    {
      kind: 'number',
      key: `${key}.serviceTime.meanMs`,
      label: 'Time per event',
      name: `${title} time per event`,
      unit: 'ms, mean',
      min: 0.001,
      max: LONGEST_WAIT_MS,
      step: 0.001,
      onlyWhen: on,
      paths: pathsOf(role, ['serviceTime.meanMs']),
      read: (s) => groupOf(s, role).serviceTime.meanMs,
      write: (s, meanMs) => group(s, role, { serviceTime: { ...groupOf(s, role).serviceTime, meanMs: meanMs ?? 0 } }),
    },
    number(
      'commitIntervalMs',
      'Commits offsets every',
      'commit interval',
      'ms',
      LONGEST_WAIT_MS,
      'A crashed consumer re-reads from its last commit: events since are delivered twice.',
    ),
    {
      kind: 'number',
      key: `${key}.rebalancePauseMs`,
      label: 'Pause to reassign partitions',
      name: `${title} rebalance pause`,
      unit: 's',
      min: 0,
      max: LONGEST_WAIT_MS / 1000,
      step: 0.1,
      onlyWhen: on,
      paths: pathsOf(role, ['rebalancePauseMs']),
      read: (s) => secondsOf(groupOf(s, role).rebalancePauseMs),
      write: (s, value) => group(s, role, { rebalancePauseMs: msOf(value) }),
    },
  ];
}

export const INDEXER_TIER: Tier = {
  id: 'indexer',
  label: 'Indexer',
  settings: groupSettings('indexer', 'Indexer', 'updates the search index from the log'),
};

export const NOTIFIER_TIER: Tier = {
  id: 'notifier',
  label: 'Notifier',
  settings: groupSettings('notifier', 'Notifier', 'sends an email per write'),
};
