// A run whose input makes it stall (far more events than its scenario explains) stops with a
// message naming the field, and the lab stays usable: later Steps are answered at once with the
// same message instead of waiting on a broken run, and Reset starts a run that works. Validation
// keeps such scenarios out of the lab, so the first run here skips it and gets a small event budget.
import { describe, expect, it, vi } from 'vitest';
import { STEP_MS } from './appState';

const stalls = vi.hoisted(() => ({ left: 1 }));

vi.mock('../sim/index', async (original) => {
  const sim = await original<typeof import('../sim/index')>();
  return {
    ...sim,
    createSimulation: (scenario: import('../sim/index').Scenario, seed: number) => {
      if (stalls.left <= 0) return sim.createSimulation(scenario, seed);
      stalls.left--;
      const frozen = { ...scenario, policy: { ...scenario.policy, healthCheckIntervalMs: 1e-300 } };
      return new sim.Simulation(frozen, seed, { checkEvents: 10_000, floorEvents: 100_000, diagnoseEvents: 1000 });
    },
  };
});

const { createInProcessPort } = await import('../worker/ports');
const { createAppStore } = await import('./appStore');

describe('a stalled run', () => {
  it('says which field to blame, answers later steps at once, and Reset starts a working run', async () => {
    const store = createAppStore(createInProcessPort());
    await Promise.resolve();
    store.getState().actions.step();
    let s = store.getState();
    expect(s.simError).toMatch(/^policy\.healthCheckIntervalMs: .*Reset to start again\.$/);
    expect(s.pending).toBe(false);
    expect(s.playing).toBe(false);

    s.actions.dismissError();
    s.actions.step();
    s = store.getState();
    expect(s.simError).toMatch(/^policy\.healthCheckIntervalMs: /);
    expect(s.pending).toBe(false);

    s.actions.reset();
    store.getState().actions.step();
    s = store.getState();
    expect(s.simError).toBeNull();
    expect(s.frame?.timeMs).toBe(STEP_MS);
  });
});
