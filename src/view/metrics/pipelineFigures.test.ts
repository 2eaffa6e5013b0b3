// The pipeline's headline figures: absent without the parts, the append rate and the searches
// that missed a write over the chosen window, lag and staleness now, read from a real run.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type WindowMetrics } from '../../sim/index';
import { figureWindowOf } from '../../store/figureWindow';
import { lagPoints, logAppendPoints, stalenessPoints } from '../charts/tierChartData';
import {
  delayWords,
  formatEventRate,
  formatEvents,
  formatLagSeconds,
  furthestBehind,
  pipelineFiguresOf,
  retentionWords,
  type GroupSnapshot,
} from './pipelineFigures';

const last10 = figureWindowOf('last-10');
const whole = figureWindowOf('whole');

function run(untilMs: number) {
  const sim = createSimulation(getBuiltInScenario('data-system')!, 1);
  sim.runUntil(untilMs);
  const frame = sim.frame(0, -1, 0);
  return { sim, frame, windows: frame.newWindows };
}

describe('the pipeline figures', () => {
  it('are absent without a pipeline', () => {
    const sim = createSimulation(getBuiltInScenario('default')!, 1);
    sim.runUntil(2000);
    const frame = sim.frame(0, -1, 0);
    expect(pipelineFiguresOf(frame, frame.newWindows, last10)).toBeNull();
    expect(pipelineFiguresOf(null, [], last10)).toBeNull();
  });

  it('read the append rate and missed searches over the window, lag and staleness now', () => {
    const { frame, windows } = run(15_000);
    const p = pipelineFiguresOf(frame, windows, last10);
    const shown = windows.slice(-10);
    const appended = shown.reduce((sum, w) => sum + (w.logAppends ?? 0), 0);
    expect(p?.log?.appendPerS).toBeCloseTo(appended / 10, 6);
    expect(p?.log?.label).toBe('last 10 s');
    const searches = shown.reduce((sum, w) => sum + (w.searches ?? 0), 0);
    const missed = shown.reduce((sum, w) => sum + (w.searchesMissedWrite ?? 0), 0);
    expect(p?.index).toMatchObject({ searches, missedWrite: missed, rebuilding: 0 });
    expect(p?.index?.missedShare).toBeCloseTo(missed / searches, 9);
    expect(p?.groups.map((g) => g.name)).toEqual(['indexer', 'notifier']);
    expect(p?.index?.index.stalenessSeconds).toBe(frame.pipeline?.index?.stalenessSeconds);
  });

  it('read the whole run from the pipeline record', () => {
    const { frame, windows } = run(5000);
    const p = pipelineFiguresOf(frame, windows, whole);
    const log = frame.pipeline?.log;
    expect(p?.log?.appendPerS).toBeCloseTo((log?.appended ?? 0) / 5, 6);
    expect(p?.index?.searches).toBe(frame.pipeline?.index?.searches);
  });

  it('count index nodes rebuilding, and say no share when nothing was searched', () => {
    const { sim } = run(3000);
    expect(sim.apply({ type: 'failDisk', nodeId: 'index-1', disk: 0 })).toEqual({ ok: true });
    sim.runUntil(3050);
    const frame = sim.frame(0, -1, 0);
    expect(pipelineFiguresOf(frame, frame.newWindows, last10)?.index?.rebuilding).toBe(1);
    const quiet = frame.newWindows.map((w) => ({ ...w, searches: 0, searchesMissedWrite: 0 }));
    expect(pipelineFiguresOf(frame, quiet, last10)?.index?.missedShare).toBeNull();
  });

  it('name the group furthest behind, and each group’s delay in words', () => {
    const groups = [
      { name: 'indexer', role: 'indexer', lagSeconds: 0.2 },
      { name: 'notifier', role: 'notifier', lagSeconds: 3 },
    ] as unknown as GroupSnapshot[];
    expect(furthestBehind(groups).name).toBe('notifier');
    expect(delayWords({ role: 'indexer' })).toBe('write → indexed');
    expect(delayWords({ role: 'notifier' })).toBe('write → email sent');
  });

  it('write their units', () => {
    expect(formatLagSeconds(0.083)).toBe('0.1 s');
    expect(formatLagSeconds(42.4)).toBe('42 s');
    expect(formatEvents(1)).toBe('1 event');
    expect(formatEvents(16)).toBe('16 events');
    expect(formatEventRate(108.4)).toBe('108 events/s');
    expect(retentionWords(null)).toBe('events kept up to the size limit');
    expect(retentionWords(2000)).toBe('events kept 2 s');
    expect(retentionWords(600_000)).toBe('events kept 10 min');
  });
});

describe('the pipeline charts’ points', () => {
  const w = (i: number, extra: Partial<WindowMetrics>) =>
    ({ startMs: i * 1000, endMs: (i + 1) * 1000, ...extra }) as WindowMetrics;

  it('plot appends per second, lag per role and staleness, with gaps where a window lacks them', () => {
    const windows = [
      w(0, {}),
      w(1, { logAppends: 120, indexerLagEvents: 4, notifierLagEvents: 9, stalenessSeconds: 0.5 }),
    ];
    expect(logAppendPoints(windows).map((p) => p.y)).toEqual([null, 120]);
    expect(lagPoints(windows, 'indexer').map((p) => p.y)).toEqual([null, 4]);
    expect(lagPoints(windows, 'notifier').map((p) => p.y)).toEqual([null, 9]);
    expect(stalenessPoints(windows).map((p) => p.y)).toEqual([null, 0.5]);
  });
});
