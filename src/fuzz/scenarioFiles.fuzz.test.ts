// Scenario files with one or two hostile fields: each is refused with a sentence naming the field,
// or builds a run that stops within its event bound with finite figures (or is stopped by the
// engine's event budget with a message naming the likely field). Never a hang or a RangeError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, parseScenario, type Scenario } from '../sim/index';
import { extremeNumber, fuzzBudgetMs, fuzzRuns, hostileValue, mutationOf, numbersPushed } from './arbitraries';
import { expectClearMessage, refusal, runBounded } from './checks';

const scenario = (id: string) => getBuiltInScenario(id) as Scenario;

const builtIn = ['default', 'single-server', 'large'].map(scenario);

/**
 * A built-in scenario with one hostile field (mostly refused at once), or with its numbers pushed
 * towards their bounds and beyond (often accepted: the combinations nobody thought of). The large
 * cluster comes up less often, as it costs more to build.
 */
const hostileScenario = fc.nat({ max: 9 }).chain((pick) => {
  const valid = builtIn[pick === 9 ? 2 : pick % 2] as Scenario;
  return fc.oneof(mutationOf(valid, fc.oneof(hostileValue, extremeNumber)), numbersPushed(valid, 3));
});

const untilMs = fc.constantFrom(1000, 5000, 60_000, 3_600_001, 1e10, 1e300);
const seed = fc.integer({ min: 0, max: 0xffffffff });
const MAX_EVENTS = 5000;
const FIRST_MS = 50;

describe('hostile scenario files', () => {
  it(
    'are refused naming a field, or run within their event bound',
    () => {
      const seen = { refused: 0, stopped: 0, ran: 0 };
      fc.assert(
        fc.property(hostileScenario, seed, untilMs, (input, runSeed, until) => {
          const parsed = parseScenario(input);
          if (!parsed.ok) {
            expect(parsed.errors.length).toBeGreaterThan(0);
            for (const error of parsed.errors) expectClearMessage(error);
            seen.refused++;
            return;
          }
          let sim;
          try {
            sim = createSimulation(parsed.value, runSeed);
          } catch (error) {
            refusal(error);
            seen.stopped++;
            return;
          }
          // First a short stretch run to a time, as the worker does, with no bound on events: the
          // clock must get there (a freeze is stopped by the engine's event budget), then on within the bound.
          const first = runBounded(sim, FIRST_MS, Number.POSITIVE_INFINITY, false);
          const outcome = first.kind === 'refused' ? first : runBounded(sim, until, MAX_EVENTS);
          seen[outcome.kind === 'ran' ? 'ran' : 'stopped']++;
        }),
        fuzzRuns(800),
      );
      // The generator must reach past validation often, or the suite tests only zod.
      expect(seen.ran).toBeGreaterThan(100);
    },
    fuzzBudgetMs(18.2),
  );
});
