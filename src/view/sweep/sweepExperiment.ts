// The experiments a sweep starts from and opens: the lab's current run (in durability mode with
// the hardware settings the lab has now, from time 0, since the scenario may have them off until a
// command turns them on), and one seed of the sweep as a normal run in the lab.
import type { Experiment } from '../../share/experiment';
import { INTERACTIVE_HORIZON_MS } from '../../share/horizon';
import { durabilityScenario, type SweepMode, type SweepSpec } from '../../sweep/sweepSpec';
import type { Scenario } from '../../sim/index';

export interface HardwareNow {
  readonly enabled: boolean;
  readonly diskMttfHours: number;
  readonly nodeMttfHours: number;
  readonly timeCompression: number;
}

/** The experiment a sweep in this mode runs. */
export function sweepExperiment(current: Experiment, mode: SweepMode, hardware: HardwareNow | undefined): Experiment {
  if (mode === 'requests' || !hardware) return current;
  const scenario: Scenario = {
    ...current.scenario,
    hardwareFaults: { ...current.scenario.hardwareFaults, ...hardware },
  };
  return { ...current, scenario };
}

/**
 * One seed of the sweep as the lab replays it: the same scenario (without traffic in durability
 * mode), commands and duration, up to the lab's interactive horizon.
 */
export function seedExperiment(
  experiment: Experiment,
  spec: Pick<SweepSpec, 'durationMs' | 'mode'>,
  seed: number,
): Experiment {
  const atMs = Math.min(spec.durationMs, INTERACTIVE_HORIZON_MS);
  const moded = spec.mode === 'durability' ? durabilityScenario(experiment.scenario) : null;
  const scenario = moded?.ok ? moded.value : experiment.scenario;
  return { scenario, seed, commands: experiment.commands.filter((c) => c.atMs <= atMs), atMs };
}
