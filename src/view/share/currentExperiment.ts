// The experiment the lab is showing now: its scenario, seed, the commands the simulation
// accepted and the moment it has reached. A link or file made from it replays the same run.
import type { Experiment } from '../../share/experiment';
import type { AppState } from '../../store/appState';

export function currentExperiment(s: AppState): Experiment {
  return { scenario: s.scenario, seed: s.seed, commands: s.commandLog, atMs: s.frame?.timeMs ?? 0 };
}
