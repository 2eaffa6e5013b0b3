// The built-in scenarios, by id.
import type { Scenario } from '../scenarioSchema';
import { large } from './large';
import { singleServer } from './singleServer';
import { threeTier } from './threeTier';
import { dataSystem } from './dataSystem';

export const builtInScenarios: readonly Scenario[] = [threeTier, singleServer, large, dataSystem];

export function getBuiltInScenario(id: string): Scenario | undefined {
  return builtInScenarios.find((s) => s.id === id);
}
