// The data pipeline made hostile: data-system scenario files with a pushed or broken field in the
// log, a consumer group or the index, and pipeline commands with hostile fields, sent to a running
// data-system. Each is refused with a sentence naming the field or runs within its event bound
// with finite figures (never a RangeError from a PartitionLog or ConsumerGroup constructor).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, parseScenario, type Scenario } from '../sim/index';
import { extremeNumber, fuzzBudgetMs, fuzzRuns, hostileValues, mutationOf, numbersPushed } from './arbitraries';
import { expectClearMessage, refusal, runBounded } from './checks';

const dataSystem = getBuiltInScenario('data-system') as Scenario;

/** Only the pipeline's parts are mutated, so nearly every case reaches them. */
const pipelinePart = {
  log: dataSystem.log,
  consumerGroups: dataSystem.consumerGroups,
  index: dataSystem.index,
  clients: dataSystem.clients,
};

const hostileScenario = fc
  .oneof(
    { arbitrary: mutationOf(pipelinePart, fc.oneof(hostileValues(false), extremeNumber)), weight: 1 },
    { arbitrary: numbersPushed(pipelinePart, 2), weight: 3 },
  )
  .map((part) => ({ ...dataSystem, ...(part as object) }));

const pipelineCommands: readonly object[] = [
  { type: 'addConsumer', group: 'indexer' },
  { type: 'removeConsumer', nodeId: 'notifier-2' },
  { type: 'setLog', policy: { acks: 'all', minInSync: 2, retentionMs: 500 } },
  { type: 'setIndexMode', mode: 'sync' },
  { type: 'failDisk', nodeId: 'broker-1', disk: 0 },
  { type: 'replaceDisk', nodeId: 'broker-1', disk: 0 },
  { type: 'failDisk', nodeId: 'index-2', disk: 0 },
  { type: 'crashNode', nodeId: 'indexer-1' },
  { type: 'restartNode', nodeId: 'indexer-1' },
  { type: 'slowNode', nodeId: 'broker-2', factor: 20 },
  { type: 'partitionGroup', nodeIds: ['broker-3', 'notifier-1'] },
  { type: 'setLoad', readShare: 0.5, searchShare: 0.3 },
];

const hostileCommand = fc.nat({ max: pipelineCommands.length - 1 }).chain((i) => {
  const valid = pipelineCommands[i] as object;
  return fc.oneof(
    { arbitrary: fc.constant<unknown>(valid), weight: 2 },
    { arbitrary: mutationOf(valid, hostileValues(true)), weight: 2 },
    { arbitrary: numbersPushed(valid, 2), weight: 2 },
  );
});

describe('a hostile data pipeline', () => {
  it(
    'scenario files are refused naming a field, or run within their event bound',
    () => {
      const seen = { refused: 0, ran: 0 };
      fc.assert(
        fc.property(hostileScenario, fc.nat(), (input, seed) => {
          const parsed = parseScenario(input);
          if (!parsed.ok) {
            for (const error of parsed.errors) expectClearMessage(error);
            seen.refused++;
            return;
          }
          let sim;
          try {
            sim = createSimulation(parsed.value, seed);
          } catch (error) {
            refusal(error);
            return;
          }
          const first = runBounded(sim, 50, Number.POSITIVE_INFINITY, false);
          if (first.kind !== 'refused') runBounded(sim, 3000, 20_000);
          seen.ran++;
        }),
        fuzzRuns(100),
      );
      // Both outcomes must be reached often, or the property tests only one side (about 1 in 6 runs).
      expect(seen.ran).toBeGreaterThan(8);
      expect(seen.refused).toBeGreaterThan(30);
    },
    fuzzBudgetMs(20),
  );

  it(
    'commands are applied or refused in a sentence, and a refused one changes nothing',
    () => {
      fc.assert(
        fc.property(fc.array(hostileCommand, { minLength: 1, maxLength: 6 }), fc.nat(), (sent, seed) => {
          const sim = createSimulation(dataSystem, seed);
          sim.runUntil(500);
          for (const command of sent) {
            const hash = sim.logHash();
            const result = sim.apply(command, { refuseNoChange: true });
            if (!result.ok) {
              expectClearMessage(result.error);
              expect(sim.logHash()).toBe(hash);
            }
            if (runBounded(sim, sim.nowMs + 300, 20_000, false).kind === 'refused') return;
          }
          runBounded(sim, sim.nowMs + 2000, 40_000);
        }),
        fuzzRuns(40),
      );
    },
    fuzzBudgetMs(20),
  );
});
