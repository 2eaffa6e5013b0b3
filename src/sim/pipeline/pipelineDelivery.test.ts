// What the pipeline delivers when parts fail: at-least-once consumers deliver again, after a
// crash, the events they finished since their last commit (and count them as duplicates); a broker
// disk lost under acks 'leader' loses the acknowledged events its followers had not fetched yet,
// about the events appended since the last fetch on the partitions it led, and acks 'all' with
// three in-sync copies loses none (it sends the cut, unacknowledged events again instead).
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario, type Simulation } from '../index';
import type { LogSettings } from './pipelineSchema';
import { command, fastWrites, instantLog, notesOf, oneConsumer, pipelineNow, relative } from './pipelineTestScenario';

const dataSystem = getBuiltInScenario('data-system') as Scenario;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** The numbers a 'consumerRewound' note gives: events finished since the last commit, and in progress. */
function rewoundIn(detail: string): { finished: number; inProgress: number } {
  const match = /(\d+) events it finished since its last commit.*?(\d+) in progress/.exec(detail);
  if (match === null) throw new Error(`no counts in "${detail}"`);
  return { finished: Number(match[1]), inProgress: Number(match[2]) };
}

interface CrashRecord {
  seed: number;
  /** The note's numbers; the events the crashed consumer had in progress (its busy workers); duplicates at the end. */
  noted: { finished: number; inProgress: number };
  inProgress: number;
  duplicates: number;
  /** Duplicates 30 s before the end: the count had settled. */
  duplicatesEarlier: number;
}

/** Crashes a consumer mid commit interval, restarts it, and lets the group re-process everything. */
function crashAndRecover(seed: number, nodeId: string, group: string): CrashRecord {
  const sim = createSimulation(dataSystem, seed);
  // Some time into a commit interval (commits tick every second; where in the second is the sim's).
  sim.runUntil(10_750);
  const before = pipelineNow(sim);
  const target = sim.topology().nodes.findIndex((n) => n.id === nodeId);
  const inProgress = before.nodes.find((n) => n.node === target)?.busy ?? Number.NaN;
  expect(before.groups.find((g) => g.name === group)?.duplicates).toBe(0);
  command(sim, { type: 'crashNode', nodeId });
  const notes = notesOf(sim, 'consumerRewound');
  expect(notes).toHaveLength(1);
  sim.runUntil(20_000);
  command(sim, { type: 'restartNode', nodeId });
  sim.runUntil(60_000);
  const earlier = pipelineNow(sim).groups.find((g) => g.name === group)?.duplicates ?? Number.NaN;
  sim.runUntil(90_000);
  const after = pipelineNow(sim).groups.find((g) => g.name === group);
  return {
    seed,
    noted: rewoundIn(notes[0] as string),
    inProgress,
    duplicates: after?.duplicates ?? Number.NaN,
    duplicatesEarlier: earlier,
  };
}

describe('duplicates after a consumer crash', () => {
  const runs = [
    ...SEEDS.slice(0, 6).map((seed) => crashAndRecover(seed, 'notifier-1', 'notifier')),
    ...SEEDS.slice(6, 10).map((seed) => crashAndRecover(seed, 'indexer-2', 'indexer')),
  ];

  it('are all delivered soon after the crash (the rewound events are the oldest, taken first)', () => {
    for (const r of runs) expect(r.duplicates, JSON.stringify(r)).toBe(r.duplicatesEarlier);
  });

  it('equal the events the consumer had finished since its last commit, the number its consumerRewound note gives', () => {
    for (const r of runs) expect(r.duplicates, JSON.stringify(r)).toBe(r.noted.finished);
    expect(runs.reduce((a, r) => a + r.duplicates, 0)).toBeGreaterThan(100);
  });

  it('leave out the events in progress at the crash (they start over, a first delivery), named apart in the note', () => {
    for (const r of runs) expect(r.noted.inProgress, JSON.stringify(r)).toBe(r.inProgress);
  });
});

describe('duplicates over the commit interval', () => {
  // One consumer at low load (200 events/s, 4 workers of 2 ms): it finishes events as they come,
  // so a crash t ms after a commit redelivers about 200 · t / 1000 of them. Crashes at 20 moments
  // spread evenly over a 1 s interval (wherever its commits fall) average half of it: 100 each.
  const rate = 200;
  const scenario = fastWrites(rate, instantLog, [oneConsumer(4, { dist: 'constant', meanMs: 2 })]);
  const runs = SEEDS.map((seed, i) => {
    const phaseMs = ((i + 0.5) / SEEDS.length) * 1000;
    const sim = createSimulation(scenario, seed);
    sim.runUntil(10_000 + phaseMs);
    command(sim, { type: 'crashNode', nodeId: 'notifier-1' });
    const noted = rewoundIn(notesOf(sim, 'consumerRewound')[0] ?? '');
    sim.runUntil(10_500 + phaseMs);
    command(sim, { type: 'restartNode', nodeId: 'notifier-1' });
    sim.runUntil(15_000);
    return { phaseMs, noted, duplicates: pipelineNow(sim).groups[0]?.duplicates ?? Number.NaN };
  });

  it('each crash redelivers exactly what its note says', () => {
    for (const r of runs) expect(r.duplicates, JSON.stringify(r)).toBe(r.noted.finished);
  });

  it('on average, the events finished in half a commit interval (within 5% over 20 crashes)', () => {
    const total = runs.reduce((a, r) => a + r.duplicates, 0);
    const expected = (rate * SEEDS.length) / 2;
    expect(relative(total, expected), JSON.stringify(runs)).toBeLessThan(0.05);
  });
});

/** A replicated log whose followers fetch once a second: acks 'leader' risks up to a second of events. */
function slowFetchLog(acks: 'leader' | 'all'): LogSettings {
  return {
    ...(dataSystem.log as LogSettings),
    acks,
    minInSync: 2,
    fetchIntervalMs: 1000,
    lagBoundMs: 5000,
    electionDelayMs: 1000,
  };
}

const WRITES_PER_SECOND = 600;

/** Fails broker-1's disk `phaseMs` after a fetch round at 10 s; returns the log's figures at 15 s. */
function failLeaderDisk(acks: 'leader' | 'all', seed: number, phaseMs: number) {
  const sim: Simulation = createSimulation(fastWrites(WRITES_PER_SECOND, slowFetchLog(acks), [], true), seed);
  sim.runUntil(10_000 + phaseMs);
  const led = pipelineNow(sim).nodes[0]?.leaders ?? 0;
  command(sim, { type: 'failDisk', nodeId: 'broker-1', disk: 0 });
  sim.runUntil(15_000);
  const log = pipelineNow(sim).log;
  if (log === null) throw new Error('no log');
  return { seed, phaseMs, led, lost: log.acknowledgedLost, resent: log.resent, missed: log.changesMissed };
}

describe('acknowledged events lost when a leader broker loses its disk', () => {
  // Phases spread evenly over the fetch interval, so on average half an interval has gone by.
  const phaseOf = (i: number) => ((i + 0.5) / SEEDS.length) * 1000;
  const leader = SEEDS.map((seed, i) => failLeaderDisk('leader', seed, phaseOf(i)));
  const all = SEEDS.map((seed, i) => failLeaderDisk('all', seed, phaseOf(i)));

  it("with acks 'leader', about the events appended since the last fetch on the partitions it led", () => {
    for (const r of leader) expect(r.led, 'broker-1 leads 2 of the 6 partitions').toBe(2);
    const lost = leader.reduce((a, r) => a + r.lost, 0);
    // Keys spread evenly: 2/6 of the writes, over each phase; 20 seeds make about 2,000 events.
    const expected = leader.reduce((a, r) => a + ((WRITES_PER_SECOND * 2) / 6) * (r.phaseMs / 1000), 0);
    expect(relative(lost, expected), JSON.stringify(leader)).toBeLessThan(0.1);
    for (const r of leader.filter((x) => x.phaseMs >= 200)) expect(r.lost, JSON.stringify(r)).toBeGreaterThan(0);
  });

  it("with acks 'all', 3 copies and at least 2 in sync, none over 20 seeds", () => {
    for (const r of all) expect(r.lost, JSON.stringify(r)).toBe(0);
  });

  it("acks 'all' sends again exactly the events acks 'leader' loses (same writes, unacknowledged this time)", () => {
    for (let i = 0; i < SEEDS.length; i++) expect(all[i]?.resent).toBe(leader[i]?.lost);
  });

  it("on data-system, with acks 'all' none are lost over 20 seeds either", () => {
    for (const seed of SEEDS) {
      const sim = createSimulation(dataSystem, seed);
      command(sim, { type: 'setLog', policy: { acks: 'all' } });
      sim.runUntil(5_000 + seed * 37);
      command(sim, { type: 'failDisk', nodeId: 'broker-1', disk: 0 });
      sim.runUntil(12_000);
      const log = pipelineNow(sim).log;
      expect(log?.acknowledgedLost, `seed ${seed}`).toBe(0);
      expect(log?.leaderless, `seed ${seed}`).toBe(0);
    }
  });
});
