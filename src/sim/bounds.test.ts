// The bounds that follow from the model: each value reported to freeze the clock while passing
// validation is now refused with a message naming its field, in scenarios and in commands.
import { describe, expect, it } from 'vitest';
import {
  builtInScenarios,
  createSimulation,
  getBuiltInScenario,
  parseCommand,
  parseScenario,
  type Scenario,
} from './index';

const base = getBuiltInScenario('default') as Scenario;

function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected, but it parsed');
  return result.errors;
}

describe('time, interval and rate bounds', () => {
  it('refuse a health check every 1e-300 ms, naming policy.healthCheckIntervalMs', () => {
    const errors = errorsOf({ ...base, policy: { ...base.policy, healthCheckIntervalMs: 1e-300 } });
    expect(errors).toEqual([expect.stringMatching(/^policy\.healthCheckIntervalMs: /)]);
  });

  it('refuse a disk MTTF of 1e-300 hours, naming hardwareFaults.diskMttfHours', () => {
    const errors = errorsOf({ ...base, hardwareFaults: { ...base.hardwareFaults, diskMttfHours: 1e-300 } });
    expect(errors).toEqual([expect.stringMatching(/^hardwareFaults\.diskMttfHours: /)]);
  });

  it('refuse a machine MTTF that timeCompression 1e9 turns into a failure every few microseconds', () => {
    const hardwareFaults = { ...base.hardwareFaults, enabled: true, nodeMttfHours: 10, timeCompression: 1e9 };
    const errors = errorsOf({ ...base, hardwareFaults });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^hardwareFaults\.nodeMttfHours: with 10 machines and timeCompression 1000000000/);
  });

  it('refuse anti-entropy every 1e-9 ms, naming storage.antiEntropyIntervalMs', () => {
    const errors = errorsOf({ ...base, storage: { ...base.storage, antiEntropyIntervalMs: 1e-9 } });
    expect(errors).toEqual([expect.stringMatching(/^storage\.antiEntropyIntervalMs: /)]);
  });

  it('refuse the same values in a setHardwareFaults command, and a fleet failing too fast when applied', () => {
    const tiny = parseCommand({ type: 'setHardwareFaults', enabled: true, diskMttfHours: 1e-300 });
    expect(tiny).toEqual({ ok: false, errors: [expect.stringMatching(/^diskMttfHours: /)] });
    const sim = createSimulation(base, 1);
    const result = sim.apply({ type: 'setHardwareFaults', enabled: true, nodeMttfHours: 10, timeCompression: 1e9 });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^nodeMttfHours: /) });
  });

  it('refuse setPolicy with a health check faster than 1 ms', () => {
    const result = parseCommand({ type: 'setPolicy', policy: { healthCheckIntervalMs: 0.5 } });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/healthCheckIntervalMs/)] });
  });

  it('keep every built-in scenario valid, and default diskReplaceHours to 24 when it is absent', () => {
    for (const scenario of builtInScenarios) expect(parseScenario(scenario).ok).toBe(true);
    const { diskReplaceHours: _left, ...old } = base.hardwareFaults;
    const parsed = parseScenario({ ...base, hardwareFaults: old });
    expect(parsed.ok && parsed.value.hardwareFaults.diskReplaceHours).toBe(24);
  });
});
