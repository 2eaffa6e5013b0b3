// The runner takes an experiment file (the lab's Share > Save as file): it replays the commands at
// their times and gives the run the lab gives, fingerprint for fingerprint, with no interactive
// horizon, since this is where the lab sends runs too long for it.
import { describe, expect, it } from 'vitest';
import { toData } from '../src/share/experiment';
import { INTERACTIVE_HORIZON_MS } from '../src/share/horizon';
import { getBuiltInScenario, replay, type Scenario, type TimedCommand } from '../src/sim/index';
import { TIMEOUT_MS, expectUsageError, runJson, runSim, useInputFiles } from './simSpawn';

const scenario = getBuiltInScenario('default') as Scenario;
const commands: TimedCommand[] = [
  { atMs: 2_000, command: { type: 'crashNode', nodeId: 'app-2' } },
  { atMs: 2_000, command: { type: 'failDisk', nodeId: 'db-1', disk: 0 } },
  { atMs: 5_500, command: { type: 'restartNode', nodeId: 'app-2' } },
];
const writeFile = useInputFiles('faultline-experiment-test-');
const writeExperiment = (name: string, data: unknown) => writeFile(name, JSON.stringify(data));

describe.concurrent('sim CLI with an experiment file', () => {
  it(
    "replays its commands at their times, with the experiment's seed and moment: the lab's fingerprint",
    async () => {
      const path = writeExperiment('run.json', toData({ scenario, seed: 9, commands, atMs: 8_000 }));
      const out = await runJson(path);
      expect(out).toMatchObject({ seed: 9, durationS: 8 });
      expect(out.logHash).toBe(replay(scenario, 9, commands, 8_000).logHash());
    },
    TIMEOUT_MS,
  );

  it(
    'runs an experiment past the interactive horizon, which the lab refuses',
    async () => {
      const late = [...commands, { atMs: INTERACTIVE_HORIZON_MS + 60_000, command: { type: 'healAll' } }];
      const data = toData({ scenario, seed: 9, commands: late as TimedCommand[], atMs: 2 * INTERACTIVE_HORIZON_MS });
      // --duration keeps the test short; the command past it is not reached.
      const out = await runJson(writeExperiment('long.json', data), '--duration', '3');
      expect(out.logHash).toBe(replay(scenario, 9, commands.slice(0, 2), 3_000).logHash());
    },
    TIMEOUT_MS,
  );

  it(
    'names what is wrong with a bad experiment, and exits 2',
    async () => {
      const bad = { ...toData({ scenario, seed: 1, commands, atMs: 8_000 }), seed: -1 };
      expectUsageError(await runSim(writeExperiment('bad.json', bad)), 'seed');
      const missing = toData({
        scenario,
        seed: 1,
        commands: [{ atMs: 1_000, command: { type: 'crashNode', nodeId: 'db-9' } }],
        atMs: 2_000,
      });
      expectUsageError(await runSim(writeExperiment('missing.json', missing)), 'db-9');
    },
    TIMEOUT_MS,
  );
});
