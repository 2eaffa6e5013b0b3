// The default scenario with room to scale, for tests and examples: up to 8 app servers and 9
// storage nodes, new machines serving after 5 s.
import { getBuiltInScenario } from '../scenarios/index';
import type { Scenario } from '../scenarioSchema';
import type { Scaling } from '../tierSchemas';

export function scalable(scaling: Partial<Scaling> = {}, rateRps?: number): Scenario {
  const base = getBuiltInScenario('default') as Scenario;
  return {
    ...base,
    clients: { ...base.clients, rateRps: rateRps ?? base.clients.rateRps },
    scaling: { maxAppServers: 8, maxStorageNodes: 9, provisioningMs: 5_000, ...scaling },
  };
}
