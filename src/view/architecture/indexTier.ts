// The search index in the Architecture form: on or off, its nodes, shards and copies, how writes
// reach it (through the log, or in the write path), how long a search and an update take, how
// fast a node rebuilds, and the share of requests that are searches (clients.searchShare).
import type { Scenario } from '../../sim/index';
import { LONGEST_WAIT_MS } from '../../sim/schemaBasics';
import { MAX_INDEX_NODES } from '../../sim/pipeline/pipelineSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { percentOf, whenOn, type ChoiceOption, type NumberSetting, type Tier } from './tierSetting';

type Index = NonNullable<Scenario['index']>;
type WorkField = 'searchTime' | 'indexWriteTime';

/** What turning the index on starts from: the data-system scenario's (2 nodes, 2 shards, 1 copy, fed by the log). */
export const DEFAULT_INDEX: Index = dataSystem.index as Index;
/** The data-system scenario's share of searches, where the reads leave room for it. */
export const DEFAULT_SEARCH_SHARE = dataSystem.clients.searchShare ?? 0;

export const INDEX_MODE_OPTIONS: readonly ChoiceOption[] = [
  { value: 'log', label: 'Through the log (stale searches)' },
  { value: 'sync', label: 'In the write path (slow writes)' },
];

const ON = whenOn('index');
const indexOf = (s: Scenario): Index => s.index ?? DEFAULT_INDEX;
const index = (s: Scenario, patch: Partial<Index>): Scenario => ({ ...s, index: { ...indexOf(s), ...patch } });

function withoutIndex(s: Scenario): Scenario {
  const { index: _dropped, ...rest } = s;
  const { searchShare: _searches, ...clients } = s.clients;
  return { ...rest, clients };
}

/** With an index, the scenario's share (none when it says none); without, what turning it on offers. */
function searchShareOf(s: Scenario): number {
  if (s.index !== undefined) return s.clients.searchShare ?? 0;
  return Math.max(0, Math.min(DEFAULT_SEARCH_SHARE, 1 - s.clients.readShare));
}

function withSearchShare(s: Scenario, share: number): Scenario {
  // No searches stays as the scenario said it: the field left out, or 0.
  if (share === 0 && s.clients.searchShare === undefined) return s;
  return { ...s, clients: { ...s.clients, searchShare: share } };
}

type IndexNumber = 'nodes' | 'shards' | 'replicas' | 'replayEventsPerSecond' | 'snapshotKeysPerSecond';

/** A count (whole, from 1) or, with `step` below 1, a rate (more than 0). */
function number(field: IndexNumber, label: string, name: string, unit: string, max: number, step = 1) {
  return {
    kind: 'number',
    key: `index.${field}`,
    label,
    name,
    unit,
    min: step,
    max,
    step,
    onlyWhen: ON,
    read: (s) => indexOf(s)[field],
    write: (s, value) => index(s, { [field]: value }),
  } satisfies NumberSetting;
}

function workTime(field: WorkField, label: string, name: string, hint?: string) {
  return {
    kind: 'number',
    key: `index.${field}.meanMs`,
    label,
    name,
    unit: 'ms, mean',
    hint,
    min: 0.001,
    max: LONGEST_WAIT_MS,
    step: 0.001,
    onlyWhen: ON,
    read: (s) => indexOf(s)[field].meanMs,
    write: (s, meanMs) => index(s, { [field]: { ...indexOf(s)[field], meanMs: meanMs ?? 0 } }),
  } satisfies NumberSetting;
}

export const INDEX_TIER: Tier = {
  id: 'index',
  label: 'Search index',
  settings: [
    {
      kind: 'toggle',
      key: 'index',
      label: 'Search index (serves searches)',
      name: 'Search index',
      hint: 'Searches see the data as of the indexer’s position in the log.',
      read: (s) => s.index !== undefined,
      write: (s, on) => (on ? index(s, {}) : withoutIndex(s)),
    },
    number('nodes', 'Index nodes', 'Index nodes', 'machines', MAX_INDEX_NODES),
    number('shards', 'Shards', 'Index shards', 'parts the documents are split into', 256),
    number('replicas', 'Copies of each shard', 'Index copies', 'on different nodes', MAX_INDEX_NODES),
    {
      kind: 'choice',
      key: 'index.mode',
      label: 'Writes reach the index',
      name: 'Index mode',
      hint: 'Through the log: writes are fast, searches lag behind. In the write path: each write waits for the index and fails while it is down.',
      options: INDEX_MODE_OPTIONS,
      onlyWhen: ON,
      read: (s) => indexOf(s).mode,
      write: (s, mode) => index(s, { mode: mode === 'sync' ? 'sync' : 'log' }),
    },
    workTime('searchTime', 'Time per search', 'Index search time'),
    workTime('indexWriteTime', 'Time per update', 'Index update time', 'In the write path, every write waits for it.'),
    number('replayEventsPerSecond', 'Rebuild from the log at', 'Index replay rate', 'events per second', 1e9, 0.001),
    number(
      'snapshotKeysPerSecond',
      'Rebuild from a snapshot at',
      'Index snapshot rate',
      'documents per second',
      1e9,
      0.001,
    ),
    {
      kind: 'number',
      key: 'clients.searchShare',
      label: 'Searches',
      name: 'Search share',
      unit: '% of requests',
      hint: 'Taken from the writes: reads and searches together may be at most 100%.',
      min: 0,
      max: 100,
      step: 0.1,
      onlyWhen: ON,
      read: (s) => percentOf(searchShareOf(s)),
      write: (s, percent) => withSearchShare(s, (percent ?? 0) / 100),
    },
  ],
};
