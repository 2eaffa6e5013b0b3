// Share links made hostile: a working experiment with one field changed and packed as a link
// would be, and fragments that are garbage (cut short, too long, not lz-string at all). The lab
// reads them with decodeFragment: a run that replays within its bound, or a sentence.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeFragment, MAX_LINK_CHARS } from '../share/link';
import { deepExperimentJson, fuzzBudgetMs, fuzzRuns, hostileString } from './arbitraries';
import { expectWorkingOrClear } from './checks';
import { hostileExperiment, validExperiments } from './experiments';

const pack = (text: string) => LZString.compressToEncodedURIComponent(text);

/** Characters a link's `x` value may hold, and some it may not. */
const linkChars = fc.string({
  unit: fc.constantFrom(...'ABCXYZabcxyz0189+-$%&=#?/ \u00e9'.split('')),
  maxLength: 300,
});

/** Packed once: packing 100,000 characters costs the test more than the lab spends refusing them. */
const deepLinks = [3000, 20_000].map((levels) => `#x=${pack(deepExperimentJson(levels))}`);

const garbageFragment = fc.oneof(
  linkChars.map((x) => `#x=${x}`),
  hostileString.map((x) => `#x=${encodeURIComponent(x)}`),
  // A working link cut short, or with one character changed.
  fc.nat({ max: validExperiments.length - 1 }).chain((i) => {
    const x = pack(JSON.stringify(validExperiments[i]));
    return fc.oneof(
      fc.nat({ max: x.length - 1 }).map((cut) => `#x=${x.slice(0, cut)}`),
      fc
        .tuple(fc.nat({ max: x.length - 1 }), linkChars)
        .map(([at, junk]) => `#x=${x.slice(0, at)}${junk}${x.slice(at + 1)}`),
    );
  }),
  // Deep nesting and bracket storms written as text, past what an object in a test can hold.
  fc.constantFrom(...deepLinks),
  fc.constantFrom(MAX_LINK_CHARS + 1, 100_000).map((length) => `#x=${'A'.repeat(length)}`),
  fc.constantFrom('#x=', '#x', '#', '', '#x=%', '#x=%E0%A4%A', '#lesson=x&x=y', '#x=a&x=b', '#__proto__=1&x=1'),
  fc.json({ maxDepth: 3 }).map((json) => `#x=${pack(json)}`),
);

describe('hostile links', () => {
  it(
    'packed from a hostile experiment open a run within its bound, or say what is wrong',
    () => {
      let opened = 0;
      fc.assert(
        fc.property(hostileExperiment(false), (experiment) => {
          if (expectWorkingOrClear(decodeFragment(`#x=${pack(JSON.stringify(experiment))}`))) opened++;
        }),
        fuzzRuns(1200),
      );
      expect(opened).toBeGreaterThan(100);
    },
    fuzzBudgetMs(9.9),
  );

  // Found by the property above: 5e-324 ms is 0 s after dividing, and 0 / 0 requests per second
  // showed as NaN throughput in the run's figures.
  it('paused at 5e-324 ms open a run with finite figures', () => {
    const experiment = { v: 2, base: 'single-server', seed: 3, commands: [], atMs: 5e-324 };
    expect(expectWorkingOrClear(decodeFragment(`#x=${pack(JSON.stringify(experiment))}`))).toBe(true);
  });

  it(
    'that are garbage are refused in a sentence, or hold no experiment at all',
    () => {
      fc.assert(
        fc.property(garbageFragment, (fragment) => {
          const result = decodeFragment(fragment);
          // Only a fragment without `x=` holds no experiment: the lab then opens as usual.
          if (result === null) expect(new URLSearchParams(fragment.replace(/^#/, '')).has('x')).toBe(false);
          else expectWorkingOrClear(result);
        }),
        fuzzRuns(1500),
      );
    },
    fuzzBudgetMs(7.0),
  );
});
