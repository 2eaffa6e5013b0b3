// Impossible architectures are refused with a message naming the field; the optional tiers are
// absent from old scenarios, which parse as before.
import { dataSystemWithoutLog } from './scenarios/dataSystemWithoutLog';
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, parseScenario, type Scenario } from './index';

const dataSystem = dataSystemWithoutLog;

function errorsOf(change: (s: Scenario) => unknown): string[] {
  const result = parseScenario(change(structuredClone(dataSystem)));
  return result.ok ? [] : result.errors;
}

describe('the cache and scaling sections', () => {
  it('accept the data-system scenario and leave old scenarios without them', () => {
    expect(parseScenario(dataSystem).ok).toBe(true);
    const plain = getBuiltInScenario('default') as Scenario;
    expect(plain.cache).toBeUndefined();
    expect(plain.scaling).toBeUndefined();
  });

  it.each([
    ['zero cache nodes', (s: Scenario) => ({ ...s, cache: { ...s.cache, nodes: 0 } }), 'cache.nodes'],
    ['no keys', (s: Scenario) => ({ ...s, cache: { ...s.cache, keys: 0 } }), 'cache.keys'],
    [
      'a cache holding nothing',
      (s: Scenario) => ({ ...s, cache: { ...s.cache, keysPerNode: 0 } }),
      'cache.keysPerNode',
    ],
    [
      'an unknown placement',
      (s: Scenario) => ({ ...s, cache: { ...s.cache, placement: 'random' } }),
      'cache.placement',
    ],
    [
      'a storage capacity of 0',
      (s: Scenario) => ({ ...s, storage: { ...s.storage, capacity: { slots: 0, queueLimit: 5 } } }),
      'storage.capacity.slots',
    ],
    [
      'room below the start',
      (s: Scenario) => ({ ...s, scaling: { ...s.scaling, maxAppServers: 2 } }),
      'scaling.maxAppServers',
    ],
    ['cache room without a cache', (s: Scenario) => ({ ...s, cache: undefined }), 'scaling.maxCacheNodes'],
    ['a misspelt field', (s: Scenario) => ({ ...s, cache: { ...s.cache, ttl: 5 } }), 'cache'],
  ])('refuse %s, naming %s', (_what, change, field) => {
    const errors = errorsOf(change);
    expect(errors.some((e) => e.startsWith(`${field}`))).toBe(true);
  });

  it('refuse an autoscaler that may grow past the room to scale', () => {
    const errors = errorsOf((s) => ({
      ...s,
      scaling: {
        ...s.scaling,
        autoscaler: {
          mode: 'utilization',
          targetUtilization: 0.6,
          minSize: 6,
          maxSize: 20,
          evaluationIntervalMs: 5000,
          cooldownMs: 0,
          provisioningDelayMs: 20_000,
        },
      },
    }));
    expect(errors).toContain('scaling.autoscaler.maxSize: must not exceed scaling.maxAppServers (12)');
  });
});
