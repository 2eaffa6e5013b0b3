import { describe, expect, it } from 'vitest';
import { builtInScenarios, getBuiltInScenario, scenarioSchema, type Scenario } from '../../sim/index';
import { applyDraft, draftOf, problemText, sameScenario } from './draft';
import { ALL_SETTINGS, DEFAULT_STORAGE_CAPACITY, type NumberSetting } from './tiers';

const base = getBuiltInScenario('default') as Scenario;
const numbers = ALL_SETTINGS.filter((s): s is NumberSetting => s.kind === 'number');

function messages(draft: Record<string, string | boolean>): string[] {
  const result = applyDraft(base, { ...draftOf(base), ...draft });
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => problemText(p));
}

describe('the Architecture draft', () => {
  it('reads every built-in scenario and, unchanged, gives the same scenario back', () => {
    for (const scenario of builtInScenarios) {
      const result = applyDraft(scenario, draftOf(scenario));
      expect(result.ok).toBe(true);
      if (result.ok) expect(sameScenario(result.scenario, scenario)).toBe(true);
    }
  });

  it('turns storage capacity on with its slots and queue limit, and off again', () => {
    const on = applyDraft(base, {
      ...draftOf(base),
      'storage.capacity': true,
      'storage.capacity.slots': '1',
      'storage.capacity.queueLimit': '200',
    });
    expect(on.ok && on.scenario.storage.capacity).toEqual({ slots: 1, queueLimit: 200 });
    if (!on.ok) return;
    const off = applyDraft(on.scenario, { ...draftOf(on.scenario), 'storage.capacity': false });
    expect(off.ok && 'capacity' in off.scenario.storage).toBe(false);
  });

  it('starts capacity from the defaults and ignores its fields while it is off', () => {
    expect(draftOf(base)['storage.capacity']).toBe(false);
    expect(draftOf(base)['storage.capacity.slots']).toBe(String(DEFAULT_STORAGE_CAPACITY.slots));
    const off = applyDraft(base, { ...draftOf(base), 'storage.capacity.slots': 'nonsense' });
    expect(off.ok).toBe(true);
  });

  it('names the field in every message, in plain words', () => {
    expect(messages({ 'storage.capacity': true, 'storage.capacity.slots': '0' })).toEqual([
      'Storage disk slots: must be at least 1',
    ]);
    expect(messages({ 'storage.capacity': true, 'storage.capacity.queueLimit': '-1' })).toEqual([
      'Storage queue limit: must be at least 0',
    ]);
    expect(messages({ 'appServers.workers': '2.5', 'storage.disksPerNode': '' })).toEqual([
      'App server workers: must be a whole number',
      'Storage disks per node: enter a number',
    ]);
    expect(messages({ 'storage.disksPerNode': '25' })).toEqual(['Storage disks per node: must be at most 24']);
    expect(
      messages({ 'storage.capacity': true, 'storage.capacity.slots': '0', 'storage.capacity.queueLimit': '' }),
    ).toEqual(['Storage disk slots: must be at least 1', 'Storage queue limit: enter a number']);
    expect(messages({ 'storage.count': '2' })[0]).toMatch(/^Storage nodes: must be at least the replication factor, 3/);
  });

  it("keeps each setting's bounds the same as the scenario schema's", () => {
    // Straight to the schema, past the form's own bound checks, so the two cannot drift apart.
    const valid = (setting: NumberSetting, value: number) =>
      scenarioSchema.safeParse(setting.write(base, value)).success;
    for (const setting of numbers) {
      const lowest = setting.check ? Math.max(setting.min, base.policy.replicationFactor) : setting.min;
      expect(valid(setting, lowest), `${setting.key} = ${lowest}`).toBe(true);
      expect(valid(setting, setting.max), `${setting.key} = ${setting.max}`).toBe(true);
      expect(valid(setting, setting.min - setting.step), `${setting.key} below its min`).toBe(false);
      expect(valid(setting, setting.max + setting.step), `${setting.key} above its max`).toBe(false);
    }
  });

  it('writes only the setting it names', () => {
    for (const setting of numbers) {
      const edited = setting.write(base, setting.read(base) + setting.step);
      expect(setting.read(edited)).toBe(setting.read(base) + setting.step);
      expect(scenarioSchema.safeParse(edited).success, setting.key).toBe(true);
      for (const other of numbers)
        if (other.key !== setting.key && !other.key.startsWith('storage.capacity'))
          expect(other.read(edited), `${setting.key} changed ${other.key}`).toBe(other.read(base));
    }
  });
});
