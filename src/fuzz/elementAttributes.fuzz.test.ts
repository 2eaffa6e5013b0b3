// A course page's <faultline-lab> attributes and the lab's page options, made hostile: every
// attribute any string, from numbers at their limits to hostile links. Reading them never throws;
// it gives a lab to start (whose experiment replays within its bound) or named problems.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { OBSERVED_ATTRIBUTES, readAttributes } from '../element/attributes';
import { parseDisplayOptions } from '../share/displayOptions';
import { extremeNumber, fuzzBudgetMs, fuzzRuns, hostileString } from './arbitraries';
import { expectClearMessage, runExperiment } from './checks';
import { hostileExperiment } from './experiments';

/** Strings an author (or a script) might set: numbers written oddly, lists, links, junk. */
const attributeValue = fc.oneof(
  hostileString,
  extremeNumber.map(String),
  fc.constantFrom('default', 'single-server', 'large', '1', '0.25', '1000', 'charts,policy', 'charts,,', 'log,nope'),
  hostileExperiment(false).map((e) => LZString.compressToEncodedURIComponent(JSON.stringify(e))),
  hostileExperiment(false).map(
    (e) => `https://faultline.example/?embed#x=${LZString.compressToEncodedURIComponent(JSON.stringify(e))}`,
  ),
);

const attributes = fc.dictionary(fc.constantFrom(...OBSERVED_ATTRIBUTES), attributeValue, { maxKeys: 6 });

function elementWith(values: Record<string, string>): Element {
  return {
    getAttribute: (name: string) => (Object.hasOwn(values, name) ? values[name] : null),
    hasAttribute: (name: string) => Object.hasOwn(values, name),
  } as unknown as Element;
}

const PAGE_OPTIONS = ['embed', 'hide', 'speed', 'autoplay', 'theme', 'host', 'lesson', 'step', '__proto__'];

describe('hostile element attributes', () => {
  it(
    'start a lab whose experiment replays within its bound, or name each problem',
    () => {
      fc.assert(
        fc.property(attributes, (values) => {
          const result = readAttributes(elementWith(values));
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const problem of result.problems) expectClearMessage(problem);
            return;
          }
          const { experiment } = result.config;
          if (experiment) runExperiment(experiment, 3000);
        }),
        fuzzRuns(1500),
      );
    },
    fuzzBudgetMs(8.4),
  );

  it(
    'and hostile page options are read or named, never thrown',
    () => {
      const options = fc.dictionary(fc.constantFrom(...PAGE_OPTIONS), attributeValue, { maxKeys: 5 });
      fc.assert(
        fc.property(options, (values) => {
          const search = new URLSearchParams(Object.entries(values)).toString();
          const { options: read, problems } = parseDisplayOptions(search);
          for (const problem of problems) expectClearMessage(problem);
          if (read.speed !== null) expect(Number.isFinite(read.speed)).toBe(true);
        }),
        fuzzRuns(2500),
      );
    },
    fuzzBudgetMs(8.9),
  );
});
