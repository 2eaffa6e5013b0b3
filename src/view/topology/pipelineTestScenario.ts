// For the pipeline picture's tests: the data-system scenario with its consumer groups pinned (two
// consumers each, room for six), so the tests do not follow the built-in scenario's tuning.
import { getBuiltInScenario, type Scenario } from '../../sim/index';

export function dataSystemPinned(): Scenario {
  const base = getBuiltInScenario('data-system');
  if (!base?.consumerGroups) throw new Error('no data-system scenario with consumer groups');
  return {
    ...base,
    consumerGroups: base.consumerGroups.map((g) => ({ ...g, consumers: 2, maxConsumers: 6, workers: 2 })),
  };
}
