// Saved experiment files made hostile: a working file with one field changed, deep nesting, huge
// arrays, text that is not JSON at all. parseExperimentJson opens a run that replays within its
// event bound and the interactive horizon, or says in a sentence what is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExperimentJson } from '../share/link';
import { deepExperimentJson, fuzzBudgetMs, fuzzRuns, hostileString } from './arbitraries';
import { expectWorkingOrClear } from './checks';
import { hostileExperiment, validExperiments } from './experiments';

/** Text that is JSON only in part: cut short, bracket storms, a valid file with junk after it. */
const brokenJson = fc.oneof(
  fc.nat({ max: validExperiments.length - 1 }).chain((i) => {
    const text = JSON.stringify(validExperiments[i]);
    return fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut));
  }),
  fc.constantFrom(3000, 20_000).map((levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`),
  fc.constantFrom(3000, 20_000).map(deepExperimentJson),
  fc.constantFrom('{"v":2}x', 'null', '[]', '1e999', '"__proto__"', '{"__proto__":{"v":2}}', '{"v":"2"}', '{"v":-0}'),
  hostileString,
  fc.json({ maxDepth: 4 }),
);

describe('hostile experiment files', () => {
  it(
    'open a run that replays within its bound, or say what is wrong',
    () => {
      let opened = 0;
      fc.assert(
        fc.property(hostileExperiment(true), (experiment) => {
          if (expectWorkingOrClear(parseExperimentJson(JSON.stringify(experiment)))) opened++;
        }),
        fuzzRuns(1500),
      );
      // Pushed numbers and harmless changes must reach the replay, or this tests only the schema.
      expect(opened).toBeGreaterThan(100);
    },
    fuzzBudgetMs(8.3),
  );

  it(
    'that are not JSON, or not an experiment, are refused in a sentence',
    () => {
      fc.assert(
        fc.property(brokenJson, (text) => {
          expect(expectWorkingOrClear(parseExperimentJson(text))).toBe(false);
        }),
        fuzzRuns(800),
      );
    },
    fuzzBudgetMs(9.5),
  );
});
