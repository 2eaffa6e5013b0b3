// The experiment codec: thousands of generated experiments survive a round trip through a link,
// typical links stay short, and every malformed, truncated, oversized or hostile link is refused
// with a message that says what is wrong.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { lessonScenario } from '../lessons/scenarioEdits';
import { getBuiltInScenario, replay, type Command, type Scenario } from '../sim/index';
import type { Experiment } from './experiment';
import { decodeFragment, experimentFragment, MAX_LINK_CHARS, parseExperimentJson } from './link';

const base = getBuiltInScenario('default') as Scenario;
const node = fc.constantFrom('app-1', 'app-2', 'app-3', 'app-4', 'db-1', 'db-2', 'db-6', 'lb');
const command: fc.Arbitrary<Command> = fc.oneof(
  node.map((nodeId) => ({ type: 'crashNode' as const, nodeId })),
  node.map((nodeId) => ({ type: 'restartNode' as const, nodeId })),
  // Only storage nodes have disks: a link that fails an app server's disk is refused when read.
  fc
    .record({ nodeId: fc.constantFrom('db-1', 'db-2', 'db-6'), disk: fc.integer({ min: 0, max: 2 }) })
    .map((c) => ({ type: 'failDisk' as const, ...c })),
  fc
    .record({
      multiplier: fc.double({ min: 0, max: 10, noNaN: true }),
      durationMs: fc.integer({ min: 1, max: 60_000 }),
    })
    .map((c) => ({ type: 'spikeLoad' as const, ...c })),
  fc.integer({ min: 0, max: 5000 }).map((rateRps) => ({ type: 'setLoad' as const, rateRps })),
  fc.boolean().map((healthChecks) => ({ type: 'setPolicy' as const, policy: { healthChecks } })),
  fc.constant({ type: 'healAll' as const }),
);
const experiment: fc.Arbitrary<Experiment> = fc
  .record({
    rate: fc.integer({ min: 1, max: 5000 }),
    rf: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    commands: fc.array(fc.record({ gapMs: fc.double({ min: 0, max: 60_000, noNaN: true }), command }), {
      maxLength: 30,
    }),
    tailMs: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(({ rate, rf, seed, commands, tailMs }) => {
    let t = 0;
    const timed = commands.map(({ gapMs, command: c }) => ({ atMs: (t += gapMs), command: c }));
    const scenario = lessonScenario('default', {
      clients: { rateRps: rate },
      policy: { replicationFactor: rf, writeQuorum: 1, readQuorum: 1 },
    });
    return { scenario, seed, commands: timed, atMs: t + tailMs };
  });

describe('experiment links', () => {
  it('round-trip thousands of generated experiments exactly', () => {
    fc.assert(
      fc.property(experiment, (e) => {
        const decoded = decodeFragment(experimentFragment(e));
        expect(decoded).toEqual({ ok: true, experiment: e });
      }),
      { numRuns: 2000 },
    );
    // 4.3 to 5.5 s measured on two busy cores (load average 13): within the suite's 45 s budget.
  });

  it('stay short: the default cluster with ten actions fits in 1,500 characters', () => {
    const commands = Array.from({ length: 10 }, (_, i) => ({
      atMs: 1000 * (i + 1) + 0.123456789 * i,
      command: (i % 2
        ? { type: 'crashNode', nodeId: `app-${(i % 4) + 1}` }
        : { type: 'failDisk', nodeId: 'db-2', disk: i % 3 }) as Command,
    }));
    const link = experimentFragment({ scenario: base, seed: 42, commands, atMs: 30_000 });
    expect(link.length).toBeLessThan(1500);
  });

  it('reproduce the run: replaying a decoded link gives the same event-log hash', () => {
    const commands = [
      { atMs: 2000, command: { type: 'crashNode', nodeId: 'app-2' } as Command },
      { atMs: 5500.25, command: { type: 'failDisk', nodeId: 'db-1', disk: 0 } as Command },
    ];
    const original = replay(base, 7, commands, 12_000);
    const decoded = decodeFragment(experimentFragment({ scenario: base, seed: 7, commands, atMs: 12_000 }));
    if (!decoded?.ok) throw new Error('did not decode');
    const { scenario, seed, commands: again, atMs } = decoded.experiment;
    expect(replay(scenario, seed, again, atMs).logHash()).toBe(original.logHash());
  });

  it('ignore fragments without an experiment', () => {
    expect(decodeFragment('')).toBeNull();
    expect(decodeFragment('#lesson=disks-at-scale&step=2')).toBeNull();
  });

  const pack = (data: unknown) => `#x=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;
  const good = { v: 2, base: 'default', seed: 1, commands: [], atMs: 0 };

  it.each([
    [
      'a truncated link',
      experimentFragment({ scenario: base, seed: 3, commands: [], atMs: 5000 }).slice(0, 40),
      /damaged or cut short|not valid JSON/,
    ],
    ['garbage', '#x=%%%not-a-link', /damaged or cut short|not valid JSON/],
    ['an oversized link', `#x=${'A'.repeat(MAX_LINK_CHARS + 1)}`, /limited to 8,000/],
    ['not JSON', `#x=${LZString.compressToEncodedURIComponent('{oops')}`, /not valid JSON/],
    ['an unknown version', pack({ ...good, v: 99 }), /version 99; this app reads versions 1 to 3/],
    ['an unknown scenario', pack({ ...good, base: 'nope' }), /unknown scenario "nope"/],
    ['an invalid edit', pack({ ...good, edits: { policy: { writeQuorum: 9 } } }), /policy.writeQuorum/],
    ['a bad command', pack({ ...good, commands: [{ atMs: 1, command: { type: 'explode' } }] }), /commands\.0\.command/],
    ['a negative seed', pack({ ...good, seed: -1 }), /seed/],
    ['an extra field', pack({ ...good, script: '<img src=x onerror=alert(1)>' }), /Unrecognized key/i],
    [
      'commands out of order',
      pack({
        ...good,
        atMs: 9,
        commands: [
          { atMs: 5, command: { type: 'healAll' } },
          { atMs: 2, command: { type: 'healAll' } },
        ],
      }),
      /out of time order/,
    ],
    [
      'a run that ends before its commands',
      pack({ ...good, atMs: 1, commands: [{ atMs: 5, command: { type: 'healAll' } }] }),
      /ends before its last command/,
    ],
    [
      'a prototype-polluting edit',
      `#x=${LZString.compressToEncodedURIComponent(`{"v":2,"base":"default","seed":1,"commands":[],"atMs":0,"edits":{"policy":{"__proto__":{"polluted":1}}}}`)}`,
      /forbidden key "__proto__"/,
    ],
  ])('refuse %s with a message naming the problem', (_what, hash, message) => {
    const result = decodeFragment(hash);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.error).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('read version 1 files (a whole scenario) by migrating them', () => {
    const result = parseExperimentJson(JSON.stringify({ v: 1, scenario: base, seed: 5, commands: [], atMs: 100 }));
    expect(result).toEqual({ ok: true, experiment: { scenario: base, seed: 5, commands: [], atMs: 100 } });
  });
});
