// Commands made hostile, sent to a running simulation the way the lab's worker does: each is
// applied or refused with a sentence (never thrown), a refused one changes nothing, and the run
// goes on within its event bound with finite figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, findUnrunnableCommand, getBuiltInScenario, type Scenario } from '../sim/index';
import { fuzzBudgetMs, fuzzRuns, hostileValues, mutationOf, numbersPushed } from './arbitraries';
import { expectClearMessage, runBounded } from './checks';
import { validCommands } from './experiments';

const commands = validCommands.map((c) => c.command);

/** A valid command, one with a hostile field, or one with its numbers pushed towards their bounds. */
const hostileCommand = fc.nat({ max: commands.length - 1 }).chain((i) => {
  const valid = commands[i] as object;
  return fc.oneof(
    { arbitrary: fc.constant<unknown>(valid), weight: 1 },
    { arbitrary: mutationOf(valid, hostileValues(true)), weight: 3 },
    { arbitrary: numbersPushed(valid, 2), weight: 2 },
  );
});

const scenario = getBuiltInScenario('default') as Scenario;
const MAX_EVENTS = 2000;

describe('hostile commands', () => {
  it(
    'are applied or refused in a sentence, and the run goes on within its bound',
    () => {
      let applied = 0;
      fc.assert(
        fc.property(fc.array(hostileCommand, { minLength: 1, maxLength: 6 }), fc.nat(), (sent, seed) => {
          const sim = createSimulation(scenario, seed);
          sim.runUntil(300);
          for (const command of sent) {
            const hash = sim.logHash();
            const logged = sim.commands().length;
            const result = sim.apply(command);
            if (result.ok) applied++;
            else {
              expectClearMessage(result.error);
              expect(sim.logHash()).toBe(hash);
              expect(sim.commands().length).toBe(logged);
            }
            if (runBounded(sim, sim.nowMs + 50, MAX_EVENTS / 4, false).kind === 'refused') return;
          }
          // The log of accepted commands is one a link may carry: every target is found.
          expect(findUnrunnableCommand(scenario, seed, sim.commands())).toBeNull();
          runBounded(sim, sim.nowMs + 2000, MAX_EVENTS);
        }),
        fuzzRuns(1000),
      );
      expect(applied).toBeGreaterThan(600);
    },
    fuzzBudgetMs(20),
  );
});
