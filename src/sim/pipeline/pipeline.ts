// The data pipeline of a scenario, when it has one: the keys writes change, the log (brokers),
// the consumer groups and the search index, and where their nodes sit in the node index (after
// the cache nodes: brokers, then each group's consumer slots, then index nodes). One object so
// the state, the engine and the frame reach every part through one field (st.pipeline).
import type { Scenario } from '../scenarioSchema';
import type { CacheTier } from '../cache/cacheTier';
import { namedStream, type Rng } from '../random';
import { KeySpace } from './keySpace';
import { LogTier } from './logTier';
import { GroupRuntime } from './consumerTier';
import { SearchIndex } from './searchIndex';

export type PipelineRole = 'broker' | 'consumer' | 'index';

/** Node slots the pipeline needs: brokers, every group's room to grow, index nodes. */
export function pipelineSlots(scenario: Scenario): number {
  let n = scenario.log?.brokers ?? 0;
  for (const g of scenario.consumerGroups ?? []) n += g.maxConsumers;
  return n + (scenario.index?.nodes ?? 0);
}

/** The names of the pipeline's nodes in slot order: broker-1…, <group>-1…, index-1…. */
export function pipelineNodeNames(scenario: Scenario): string[] {
  const names: string[] = [];
  for (let b = 0; b < (scenario.log?.brokers ?? 0); b++) names.push(`broker-${b + 1}`);
  for (const g of scenario.consumerGroups ?? [])
    for (let c = 0; c < g.maxConsumers; c++) names.push(`${g.name}-${c + 1}`);
  for (let i = 0; i < (scenario.index?.nodes ?? 0); i++) names.push(`index-${i + 1}`);
  return names;
}

export function hasPipeline(scenario: Scenario): boolean {
  return scenario.log !== undefined || scenario.index !== undefined;
}

export class Pipeline {
  readonly keys: KeySpace;
  readonly log: LogTier | null;
  readonly groups: GroupRuntime[];
  readonly index: SearchIndex | null;
  readonly rng: Rng;
  readonly firstNode: number;
  readonly lastNode: number;
  /** Per node slot of the pipeline: its role, and its number within the part (broker b, consumer c, index node i). */
  readonly roleOf: PipelineRole[];
  readonly numberOf: Int32Array;
  /** Per node slot: its group (consumers), else -1. */
  readonly groupOf: Int32Array;
  /** Ticks already scheduled (their tokens guard against stale ones). */
  fetchToken = 0;

  constructor(scenario: Scenario, cache: CacheTier | null, firstNode: number, seed: number) {
    this.keys = new KeySpace(cache, scenario.cache?.keys ?? 0, scenario.index, seed);
    this.rng = namedStream(seed, 'pipeline');
    this.firstNode = firstNode;
    this.log = scenario.log === undefined ? null : new LogTier(scenario.log);
    const partitions = scenario.log?.partitions ?? 1;
    this.roleOf = [];
    const numbers: number[] = [];
    const groupOf: number[] = [];
    const add = (role: PipelineRole, count: number, group: number) => {
      for (let i = 0; i < count; i++) {
        this.roleOf.push(role);
        numbers.push(i);
        groupOf.push(group);
      }
    };
    add('broker', scenario.log?.brokers ?? 0, -1);
    this.groups = (scenario.consumerGroups ?? []).map((settings, g) => {
      const runtime = new GroupRuntime(settings, partitions, firstNode + this.roleOf.length);
      add('consumer', settings.maxConsumers, g);
      return runtime;
    });
    const indexFirst = firstNode + this.roleOf.length;
    add('index', scenario.index?.nodes ?? 0, -1);
    this.index = scenario.index === undefined ? null : new SearchIndex(scenario.index, this.keys.keys, indexFirst);
    this.numberOf = Int32Array.from(numbers);
    this.groupOf = Int32Array.from(groupOf);
    this.lastNode = firstNode + this.roleOf.length;
  }

  owns(node: number): boolean {
    return node >= this.firstNode && node < this.lastNode;
  }

  role(node: number): PipelineRole | null {
    return this.owns(node) ? (this.roleOf[node - this.firstNode] as PipelineRole) : null;
  }

  number(node: number): number {
    return this.numberOf[node - this.firstNode] as number;
  }

  brokerNode(b: number): number {
    return this.firstNode + b;
  }

  groupByRole(role: 'indexer' | 'notifier'): GroupRuntime | null {
    return this.groups.find((g) => g.settings.role === role) ?? null;
  }

  /** Closes a window: the counts the metrics keep per window. */
  closeWindow(): { logAppends?: number; searches?: number; searchesMissedWrite?: number } {
    const out: { logAppends?: number; searches?: number; searchesMissedWrite?: number } = {};
    if (this.log !== null) {
      out.logAppends = this.log.windowAppended;
      this.log.windowAppended = 0;
    }
    if (this.index !== null) {
      out.searches = this.index.windowSearches;
      out.searchesMissedWrite = this.index.windowMissed;
      this.index.windowSearches = 0;
      this.index.windowMissed = 0;
    }
    return out;
  }
}
