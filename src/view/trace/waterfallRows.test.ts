// The waterfall's rows from real traces: the simulation run headless with a flight recorder, as
// the worker runs it, so the rows meet every kind of story the tracer tells.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, Tracer, type Command, type Scenario } from '../../sim/index';
import type { RequestTrace, Simulation, TraceWish } from '../../sim/index';
import { waterfallRows, type Story, type WaterfallRow } from './waterfallRows';

const base = getBuiltInScenario('default') as Scenario;

function traceOf(seed: number, commands: readonly Command[], wish: TraceWish): { story: Story; names: string[] } {
  const sim: Simulation = createSimulation(base, seed);
  const tracer = new Tracer();
  sim.tracer = tracer;
  sim.runUntil(500);
  for (const command of commands) expect(sim.apply(command)).toEqual({ ok: true });
  tracer.seek(wish, sim.nowMs);
  let found: RequestTrace | null = null;
  for (let t = sim.nowMs; !found && t < 30_000; t += 100) {
    sim.runUntil(t + 100);
    found = tracer.takeTrace(sim.nowMs);
  }
  if (!found?.story) throw new Error('no trace');
  return { story: found.story, names: sim.topology().nodes.map((n) => n.id) };
}

/** Every step shows in exactly one row. */
function expectEveryStepOnce(rows: readonly WaterfallRow[], story: Story) {
  const shown = rows.flatMap((r) => r.steps).sort((a, b) => a - b);
  expect(shown).toEqual(story.steps.map((_s, i) => i));
}

/** A timeout's bar reaches back to its attempt's start; it happened at its end. */
const happenedMs = (row: WaterfallRow) => (row.kind === 'timeout' ? row.endMs : row.startMs);

function expectTimeOrder(rows: readonly WaterfallRow[]) {
  for (let i = 1; i < rows.length; i++)
    expect(happenedMs(rows[i] as WaterfallRow)).toBeGreaterThanOrEqual(happenedMs(rows[i - 1] as WaterfallRow) - 1e-9);
  for (const row of rows) expect(row.endMs).toBeGreaterThanOrEqual(row.startMs);
}

const partitionAll: Command[] = ['app-1', 'app-2', 'app-3', 'app-4'].map((n) => ({
  type: 'partitionLink',
  linkId: `lb~${n}`,
}));

describe('the waterfall rows of a traced request', () => {
  it('shows a served request hop by hop: into the server, served, each replica asked, the reply back', () => {
    const { story, names } = traceOf(6, [], { pick: 'next' });
    const rows = waterfallRows(story, names);
    expectEveryStepOnce(rows, story);
    expectTimeOrder(rows);
    expect(rows[0]).toMatchObject({ kind: 'attempt', label: 'attempt 1', startMs: 0 });
    expect(rows[1]).toMatchObject({ kind: 'hop', label: 'clients → lb' });
    expect(rows[2]?.label).toMatch(/^lb → app-\d$/);
    const served = rows.find((r) => r.kind === 'served');
    expect(served?.label).toMatch(/^served by app-\d$/);
    // A worker was free: the queue's row says it waited no time (and stands for no step of its own).
    expect(rows[3]).toMatchObject({ kind: 'queued', note: 'not queued: a worker was free', steps: [] });
    expect(rows[3]?.label).toBe(served?.label.replace('served by', 'queued at'));
    const replicas = rows.filter((r) => r.kind === 'replica');
    expect(replicas.length).toBeGreaterThan(0);
    for (const replica of replicas) {
      expect(replica.label).toMatch(/^asked db-\d+$/);
      // The disk's part lies inside the replica's bar, after the ask arrived and before the answer left.
      expect(replica.disk?.startMs).toBeGreaterThan(replica.startMs);
      expect(replica.disk?.endMs).toBeLessThan(replica.endMs);
      expect(replica.steps).toHaveLength(2);
    }
    expect(rows.filter((r) => r.kind === 'hop' && r.label.startsWith('reply ')).map((r) => r.label)).toEqual([
      expect.stringMatching(/^reply app-\d → lb$/),
      'reply lb → clients',
    ]);
    expect(rows.at(-1)).toMatchObject({ kind: 'end', label: 'served' });
    expect(rows.at(-1)?.endMs).toBeCloseTo(story.endMs - story.startMs, 6);
  });

  it('shows time queued at a slow server before it was served there', () => {
    const slow: Command = { type: 'slowNode', nodeId: 'app-2', factor: 30 };
    const { story, names } = traceOf(8, [slow], { pick: 'slow', slowerThanMs: 600 });
    const rows = waterfallRows(story, names);
    expectEveryStepOnce(rows, story);
    expectTimeOrder(rows);
    const queued = rows.find((r) => r.kind === 'queued');
    const served = rows.find((r) => r.kind === 'served');
    expect(queued?.label).toBe('queued at app-2');
    expect(served?.label).toBe('served by app-2');
    expect(queued?.endMs).toBeCloseTo(served?.startMs ?? -1, 6);
    expect((queued?.endMs ?? 0) - (queued?.startMs ?? 0)).toBeGreaterThan(0);
  });

  it("shows a failed request's attempts, each loss and backoff, and ends on its cause", () => {
    const { story, names } = traceOf(7, partitionAll, { pick: 'failed' });
    const rows = waterfallRows(story, names);
    expectEveryStepOnce(rows, story);
    expectTimeOrder(rows);
    const attempts = rows.filter((r) => r.kind === 'attempt');
    expect(attempts.length).toBeGreaterThan(1);
    expect(rows.filter((r) => r.kind === 'backoff')).toHaveLength(attempts.length - 1);
    for (const backoff of rows.filter((r) => r.kind === 'backoff'))
      expect(backoff.label).toMatch(/^backoff [\d.]+ ms$/);
    const lost = rows.find((r) => r.kind === 'lost');
    expect(lost?.note).toMatch(/^lost: the link lb–app-\d is cut$/);
    const timeout = rows.find((r) => r.kind === 'timeout');
    expect(timeout?.note).toMatch(/^because its request was lost/);
    // The bar of a timeout runs from its attempt's start to the moment it timed out.
    expect(timeout?.startMs).toBe(attempts[0]?.startMs);
    const last = rows.slice(-3).map((r) => `${r.label}: ${r.note}`);
    expect(last.at(-1)).toMatch(/^failed: failed after [\d.]+ ms$/);
    expect(last.join(' | ')).toMatch(/unavailable|timed out/);
    expect(last.join(' | ')).toMatch(/gave up: no attempts left/);
  });
});
