// The element's attributes: every bad value is named with what is allowed, and none of them,
// however odd, makes reading the attributes throw.
import { describe, expect, it } from 'vitest';
import { readAttributes } from './attributes';

function problemsOf(attributes: Record<string, string>): string[] {
  const element = {
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
  } as unknown as Element;
  const result = readAttributes(element);
  return result.ok ? [] : result.problems;
}

describe('element attributes', () => {
  it('start the default lab when there are none', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it.each(['-0', '1e308', '', '4294967296', '99999999999999999999', '1.5'])('name "seed" and its range for %j', (v) => {
    expect(problemsOf({ seed: v })).toEqual([
      `The attribute "seed" is ${JSON.stringify(v)}; it must be a whole number from 0 to 4294967295.`,
    ]);
  });

  it('name "speed" and its allowed values instead of showing NaN', () => {
    expect(problemsOf({ speed: 'abc' })).toEqual([
      'The attribute "speed" is "abc"; it must be one of 0.25, 0.5, 1, 2, 5, 10, 50, 100, 1000 (times real time).',
    ]);
  });

  it('say an empty experiment is empty', () => {
    expect(problemsOf({ experiment: '  ' })).toEqual([
      'The attribute "experiment" is empty; it must hold a share link or the part of one after "#x=".',
    ]);
  });

  it('say a share link without an experiment holds none', () => {
    expect(problemsOf({ experiment: 'https://example.org/#lesson=disks-at-scale' })).toEqual([
      'The attribute "experiment" could not be opened: its link holds no experiment (no "x=" after "#").',
    ]);
  });

  it('name an unknown scenario and the known ones', () => {
    expect(problemsOf({ scenario: 'nope' })[0]).toMatch(
      /^The attribute "scenario" is "nope"; it must be one of default/,
    );
  });
});
