// The replicated log in the Architecture form: on or off, its brokers and partitions, how many
// copies each partition keeps and when an append counts as written, how long events are kept,
// and how fast followers fetch and a lost leader is replaced. The rules that span fields (the
// minimum in sync against the replication factor) are the sim's schema's, with its words.
import { MAX_PARTITIONS } from '../../sim/log/consumerGroup';
import { MAX_REPLICATION_FACTOR, MAX_RETENTION_COUNT } from '../../sim/log/partitionLog';
import type { Scenario } from '../../sim/index';
import { LONGEST_RUN_MS, LONGEST_WAIT_MS } from '../../sim/schemaBasics';
import { MAX_BROKERS } from '../../sim/pipeline/pipelineSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { msOf, secondsOf, whenOn, type ChoiceOption, type NumberSetting, type Tier } from './tierSetting';

type Log = NonNullable<Scenario['log']>;
type LogNumber = 'brokers' | 'partitions' | 'replicationFactor' | 'minInSync' | 'retentionEvents';

/** What turning the log on starts from: the data-system scenario's log (3 brokers, 6 partitions, 3 copies). */
export const DEFAULT_LOG: Log = dataSystem.log as Log;

export const ACKS_OPTIONS: readonly ChoiceOption[] = [
  { value: 'leader', label: 'The leader has it (fast, may lose)' },
  { value: 'all', label: 'All in-sync copies have it (safe)' },
];

const ON = whenOn('log');
export const logOf = (s: Scenario): Log => s.log ?? DEFAULT_LOG;
const log = (s: Scenario, patch: Partial<Log>): Scenario => ({ ...s, log: { ...logOf(s), ...patch } });

function withoutLog(s: Scenario): Scenario {
  const { log: _dropped, ...rest } = s;
  return rest;
}

function count(field: LogNumber, label: string, name: string, unit: string, max: number, hint?: string) {
  return {
    kind: 'number',
    key: `log.${field}`,
    label,
    name,
    unit,
    hint,
    min: 1,
    max,
    step: 1,
    onlyWhen: ON,
    read: (s) => logOf(s)[field],
    write: (s, value) => log(s, { [field]: value }),
  } satisfies NumberSetting;
}

export const LOG_TIER: Tier = {
  id: 'log',
  label: 'Log of changes',
  settings: [
    {
      kind: 'toggle',
      key: 'log',
      label: 'Replicated log (every acknowledged write appends a change event)',
      name: 'Log',
      hint: 'Brokers keep the events; consumer groups read them in order.',
      read: (s) => s.log !== undefined,
      write: (s, on) => (on ? log(s, {}) : withoutLog(s)),
    },
    count('brokers', 'Brokers', 'Log brokers', 'machines', MAX_BROKERS),
    count('partitions', 'Partitions', 'Log partitions', 'of the topic', MAX_PARTITIONS),
    count(
      'replicationFactor',
      'Replication factor',
      'Log replication factor',
      'copies of each partition',
      MAX_REPLICATION_FACTOR,
    ),
    {
      kind: 'choice',
      key: 'log.acks',
      label: 'An append counts as written once',
      name: 'Log acks',
      hint: 'Leader only: events a crashed leader had not passed on are lost. All: waits for the slowest copy.',
      options: ACKS_OPTIONS,
      onlyWhen: ON,
      read: (s) => logOf(s).acks,
      write: (s, acks) => log(s, { acks: acks === 'all' ? 'all' : 'leader' }),
    },
    count(
      'minInSync',
      'Fewest copies in sync',
      'Log min in sync',
      'copies',
      MAX_REPLICATION_FACTOR,
      'With acks from all: appends are refused while fewer copies are in sync.',
    ),
    {
      kind: 'number',
      key: 'log.retentionMs',
      label: 'Keep events for',
      name: 'Log retention',
      unit: 's, empty = until the size limit',
      hint: 'Older events are deleted, read or not.',
      min: 0.001,
      max: LONGEST_RUN_MS / 1000,
      step: 0.001,
      optional: true,
      onlyWhen: ON,
      read: (s) => {
        const ms = logOf(s).retentionMs;
        return ms === null ? undefined : secondsOf(ms);
      },
      write: (s, value) => log(s, { retentionMs: value === undefined ? null : msOf(value) }),
    },
    count('retentionEvents', 'Size limit', 'Log size limit', 'events per partition', MAX_RETENTION_COUNT),
    {
      kind: 'number',
      key: 'log.fetchIntervalMs',
      label: 'Followers fetch every',
      name: 'Log fetch interval',
      unit: 'ms',
      min: 1,
      max: 60_000,
      step: 1,
      onlyWhen: ON,
      read: (s) => logOf(s).fetchIntervalMs,
      write: (s, fetchIntervalMs) => log(s, { fetchIntervalMs }),
    },
    {
      kind: 'number',
      key: 'log.lagBoundMs',
      label: 'A follower leaves the in-sync set after',
      name: 'Log lag bound',
      unit: 'ms behind',
      min: 1,
      max: LONGEST_WAIT_MS,
      step: 1,
      onlyWhen: ON,
      read: (s) => logOf(s).lagBoundMs,
      write: (s, lagBoundMs) => log(s, { lagBoundMs }),
    },
    {
      kind: 'number',
      key: 'log.electionDelayMs',
      label: 'New leader elected after',
      name: 'Log election delay',
      unit: 's',
      hint: "Time to notice a leader's broker is gone; its partitions refuse appends meanwhile.",
      min: 0,
      max: LONGEST_WAIT_MS / 1000,
      step: 0.1,
      onlyWhen: ON,
      read: (s) => secondsOf(logOf(s).electionDelayMs),
      write: (s, value) => log(s, { electionDelayMs: msOf(value) }),
    },
  ],
};
