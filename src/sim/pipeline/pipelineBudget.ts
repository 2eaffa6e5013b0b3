// What the pipeline adds to the event budget (eventBudget.ts): its ticks and retries per
// simulated second at their bounds, the work a fetch round does, and the field behind each of its
// event kinds, so a run it floods is stopped naming that field. Consumer work per write is within
// the per-request allowance already.
import { EventKind } from '../events';
import type { Scenario } from '../scenarioSchema';
import { INDEX_RETRY_MS } from './consumerEvents';

export const PIPELINE_FIELD_OF_KIND: Record<number, string> = {
  [EventKind.logFetch]: 'log.fetchIntervalMs',
  [EventKind.logElection]: 'log.electionDelayMs',
  [EventKind.consumerDone]: 'consumerGroups.serviceTime',
  [EventKind.consumerCommit]: 'consumerGroups.commitIntervalMs',
  [EventKind.rebalanceDone]: 'consumerGroups.rebalancePauseMs',
  [EventKind.indexRecovered]: 'index',
};

/** Replicas a fetch round visits: the extra work each logFetch event does. */
export function fetchWork(scenario: Scenario): number {
  const log = scenario.log;
  return log === undefined ? 0 : log.partitions * log.replicationFactor;
}

export function pipelineEventsPerSecond(scenario: Scenario): number {
  const log = scenario.log;
  let rate = log === undefined ? 0 : (1000 / log.fetchIntervalMs) * (1 + fetchWork(scenario)) + 1;
  for (const g of scenario.consumerGroups ?? [])
    rate += 1000 / g.commitIntervalMs + (g.maxConsumers * g.workers * 1000) / INDEX_RETRY_MS;
  return rate;
}
