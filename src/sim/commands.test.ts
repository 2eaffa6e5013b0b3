// Command shapes: a valid example of every command type parses to itself; a wrong type, a
// missing field, a value out of range or an unknown key is rejected with a message naming it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandSchema, linkIdOf, parseCommand, type Command, type CommandType } from './index';

/** One valid example per command type; the Record type makes a new command type a compile error here. */
const EXAMPLES: Record<CommandType, Command> = {
  crashNode: { type: 'crashNode', nodeId: 'app-1' },
  restartNode: { type: 'restartNode', nodeId: 'app-1' },
  failDisk: { type: 'failDisk', nodeId: 'db-1', disk: 0 },
  replaceDisk: { type: 'replaceDisk', nodeId: 'db-1', disk: 2 },
  slowNode: { type: 'slowNode', nodeId: 'db-2', factor: 10 },
  partitionLink: { type: 'partitionLink', linkId: 'lb~app-1' },
  healLink: { type: 'healLink', linkId: 'lb~app-1' },
  partitionGroup: { type: 'partitionGroup', nodeIds: ['db-1', 'db-2'] },
  healAll: { type: 'healAll' },
  setLinkLoss: { type: 'setLinkLoss', linkId: 'app-1~db-1', loss: 0.25 },
  setLinkLatency: { type: 'setLinkLatency', linkId: 'app-1~db-1', extraMs: 50 },
  spikeLoad: { type: 'spikeLoad', multiplier: 3, durationMs: 10_000 },
  powerFailRack: { type: 'powerFailRack', rackId: 'rack-a', durationMs: 0, diskFailShare: 0.1 },
  restoreRackPower: { type: 'restoreRackPower', rackId: 'rack-a' },
  sendPoisonRequests: { type: 'sendPoisonRequests', count: 5 },
  rollOutConfig: {
    type: 'rollOutConfig',
    mode: 'canary',
    nodeIds: [],
    errorShare: 0.5,
    slowShare: 0,
    slowFactor: 1,
    canaryCount: 1,
    stageDelayMs: 5000,
  },
  rollBack: { type: 'rollBack' },
  setPolicy: { type: 'setPolicy', policy: { writeQuorum: 3, timeoutMs: 250, lbStrategy: 'least-outstanding' } },
  setLoad: { type: 'setLoad', rateRps: 1200, readShare: 0.5, fanOut: 4 },
  setHardwareFaults: { type: 'setHardwareFaults', enabled: true, diskMttfHours: 1000, timeCompression: 3600 },
  addNode: { type: 'addNode', tier: 'app' },
  removeNode: { type: 'removeNode', nodeId: 'app-2', mode: 'drain' },
  scaleUp: { type: 'scaleUp', tier: 'storage', factor: 2 },
  setAutoscaler: { type: 'setAutoscaler', policy: null },
  flushCache: { type: 'flushCache', nodeId: 'cache-1' },
  setStorageQueueLimit: { type: 'setStorageQueueLimit', queueLimit: 5 },
  setCache: { type: 'setCache', policy: { writePolicy: 'write-through', coalescing: true } },
  addConsumer: { type: 'addConsumer', group: 'indexer' },
  removeConsumer: { type: 'removeConsumer', nodeId: 'indexer-2' },
  setLog: { type: 'setLog', policy: { acks: 'all', retentionMs: 5000 } },
  setIndexMode: { type: 'setIndexMode', mode: 'sync' },
};

/** Fields a command may leave out. */
const OPTIONAL_FIELDS = new Set([
  'setLoad.rateRps',
  'setLoad.readShare',
  'setLoad.fanOut',
  'setHardwareFaults.diskMttfHours',
  'setHardwareFaults.nodeMttfHours',
  'setHardwareFaults.timeCompression',
]);

function errorsOf(input: unknown): string[] {
  const result = parseCommand(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, but it parsed`);
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

function expectRejectedNaming(input: unknown, field: string): void {
  const errors = errorsOf(input);
  expect(
    errors.some((e) => e.startsWith(`${field}: `)),
    `${JSON.stringify(input)} -> ${errors.join('; ')}`,
  ).toBe(true);
}

describe('valid commands', () => {
  it('the examples cover every command type in commandSchema', () => {
    const schemaTypes = commandSchema.options.map((option) => option.shape.type.value);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...schemaTypes].sort());
  });

  it.each(Object.values(EXAMPLES).map((c) => [c.type, c] as const))('%s parses to itself', (_type, command) => {
    expect(parseCommand(command)).toEqual({ ok: true, value: command });
    expect(parseCommand(JSON.parse(JSON.stringify(command)))).toEqual({ ok: true, value: command });
  });

  it('accepts the bounds of ranges', () => {
    for (const command of [
      { type: 'slowNode', nodeId: 'a', factor: 1 },
      { type: 'slowNode', nodeId: 'a', factor: 1000 },
      { type: 'setLinkLoss', linkId: 'a~b', loss: 0 },
      { type: 'setLinkLoss', linkId: 'a~b', loss: 1 },
      { type: 'spikeLoad', multiplier: 0, durationMs: 1 },
      { type: 'sendPoisonRequests', count: 1000 },
      { type: 'setLoad' },
      { type: 'setPolicy', policy: {} },
      { type: 'setHardwareFaults', enabled: false },
    ]) {
      expect(parseCommand(command).ok, JSON.stringify(command)).toBe(true);
    }
  });
});

describe('invalid commands name the field', () => {
  it('rejects a missing required field, for every field of every command', () => {
    for (const example of Object.values(EXAMPLES)) {
      for (const field of Object.keys(example).filter((k) => k !== 'type')) {
        const { [field]: _removed, ...rest } = example as unknown as Record<string, unknown>;
        if (OPTIONAL_FIELDS.has(`${example.type}.${field}`)) expect(parseCommand(rest).ok).toBe(true);
        else expectRejectedNaming(rest, field);
      }
    }
  });

  it('rejects a field of the wrong type', () => {
    expectRejectedNaming({ type: 'crashNode', nodeId: 5 }, 'nodeId');
    expectRejectedNaming({ type: 'failDisk', nodeId: 'db-1', disk: '0' }, 'disk');
    expectRejectedNaming({ type: 'partitionGroup', nodeIds: 'db-1' }, 'nodeIds');
    expectRejectedNaming({ type: 'partitionGroup', nodeIds: ['db-1', 7] }, 'nodeIds.1');
    expectRejectedNaming({ type: 'setHardwareFaults', enabled: 'yes' }, 'enabled');
    expectRejectedNaming({ type: 'setPolicy', policy: { healthChecks: 1 } }, 'policy.healthChecks');
    expectRejectedNaming({ ...EXAMPLES.rollOutConfig, mode: 'gradual' }, 'mode');
  });

  it.each<[string, unknown, string]>([
    ['a negative slow factor', { type: 'slowNode', nodeId: 'app-1', factor: -2 }, 'factor'],
    ['a slow factor below 1', { type: 'slowNode', nodeId: 'app-1', factor: 0.5 }, 'factor'],
    ['a loss of 1.5', { type: 'setLinkLoss', linkId: 'lb~app-1', loss: 1.5 }, 'loss'],
    ['a negative loss', { type: 'setLinkLoss', linkId: 'lb~app-1', loss: -0.1 }, 'loss'],
    ['a NaN loss', { type: 'setLinkLoss', linkId: 'lb~app-1', loss: Number.NaN }, 'loss'],
    ['a negative disk', { type: 'failDisk', nodeId: 'db-1', disk: -1 }, 'disk'],
    ['a fractional disk', { type: 'replaceDisk', nodeId: 'db-1', disk: 1.5 }, 'disk'],
    ['an empty node id', { type: 'crashNode', nodeId: '' }, 'nodeId'],
    ['an empty link id', { type: 'healLink', linkId: '' }, 'linkId'],
    ['an empty group', { type: 'partitionGroup', nodeIds: [] }, 'nodeIds'],
    ['too much extra latency', { type: 'setLinkLatency', linkId: 'lb~app-1', extraMs: 60_001 }, 'extraMs'],
    ['a zero-length spike', { type: 'spikeLoad', multiplier: 2, durationMs: 0 }, 'durationMs'],
    ['a spike above x100', { type: 'spikeLoad', multiplier: 101, durationMs: 10 }, 'multiplier'],
    ['an infinite power outage', { ...EXAMPLES.powerFailRack, durationMs: Number.POSITIVE_INFINITY }, 'durationMs'],
    ['a disk fail share above 1', { ...EXAMPLES.powerFailRack, diskFailShare: 2 }, 'diskFailShare'],
    ['zero poison requests', { type: 'sendPoisonRequests', count: 0 }, 'count'],
    ['1001 poison requests', { type: 'sendPoisonRequests', count: 1001 }, 'count'],
    ['a canary of 0', { ...EXAMPLES.rollOutConfig, canaryCount: 0 }, 'canaryCount'],
    ['an error share above 1', { ...EXAMPLES.rollOutConfig, errorShare: 1.01 }, 'errorShare'],
    ['a negative stage delay', { ...EXAMPLES.rollOutConfig, stageDelayMs: -1 }, 'stageDelayMs'],
    ['a write quorum of 9', { type: 'setPolicy', policy: { writeQuorum: 9 } }, 'policy.writeQuorum'],
    ['a negative timeout', { type: 'setPolicy', policy: { timeoutMs: -5 } }, 'policy.timeoutMs'],
    [
      'a retry policy with 0 attempts',
      {
        type: 'setPolicy',
        policy: {
          retry: { strategy: 'none', maxAttempts: 0, baseDelayMs: 0, maxDelayMs: 0, jitter: false, budgetRatio: 0 },
        },
      },
      'policy.retry.maxAttempts',
    ],
    ['a negative rate', { type: 'setLoad', rateRps: -1 }, 'rateRps'],
    ['a fan-out of 0', { type: 'setLoad', fanOut: 0 }, 'fanOut'],
    ['time compression below 1', { type: 'setHardwareFaults', enabled: true, timeCompression: 0.5 }, 'timeCompression'],
    ['a zero MTTF', { type: 'setHardwareFaults', enabled: true, nodeMttfHours: 0 }, 'nodeMttfHours'],
  ])('rejects %s', (_what, input, field) => {
    expectRejectedNaming(input, field);
  });

  it('rejects an unknown key on any command, naming the key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(EXAMPLES)),
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[a-z]\w*$/i.test(k)),
        (example, key) => {
          fc.pre(!(key in example));
          const errors = errorsOf({ ...example, [key]: 1 });
          expect(errors).toEqual([`(root): Unrecognized key: "${key}"`]);
        },
      ),
    );
  });

  it('rejects an unknown key inside a setPolicy change, naming policy and the key', () => {
    expect(errorsOf({ type: 'setPolicy', policy: { bogus: 1 } })).toEqual([
      expect.stringMatching(/^policy: .*"bogus"/),
    ]);
  });

  it('rejects an unknown or missing type, naming type', () => {
    expectRejectedNaming({ type: 'explode' }, 'type');
    expectRejectedNaming({ nodeId: 'app-1' }, 'type');
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, undefined, 'crashNode', 3, [EXAMPLES.healAll]]) expect(errorsOf(input)).toHaveLength(1);
  });
});

describe('linkIdOf', () => {
  it('joins two node ids with "~"', () => {
    expect(linkIdOf('lb', 'app-1')).toBe('lb~app-1');
    expect(linkIdOf('app-2', 'db-3')).toBe('app-2~db-3');
  });
});
