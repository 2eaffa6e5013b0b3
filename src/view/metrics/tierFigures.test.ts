import { describe, expect, it } from 'vitest';
import type { Frame, WindowMetrics } from '../../sim/index';
import type { CacheSnapshot, ScalingSnapshot } from '../../sim/snapshot';
import { figureWindowOf } from '../../store/figureWindow';
import { hitRatioPoints, appServersPoints } from '../charts/tierChartData';
import { cacheFiguresOf, formatHitShare, scalingFiguresOf } from './tierFigures';

const cache: CacheSnapshot = {
  placement: 'ring',
  writePolicy: 'invalidate',
  ttlMs: 0,
  coalescing: false,
  serveStaleOnError: false,
  hits: 800,
  misses: 200,
  hitShare: 0.8,
  staleReads: 7,
  coalesced: 0,
  servedStale: 0,
  keysHeld: 1234,
};
const scaling: ScalingSnapshot = {
  counts: { app: 4, cache: 2, storage: 6 },
  machineSeconds: { balancer: 10, app: 40, cache: 0, storage: 60 },
  autoscaler: null,
  movingPartitions: 0,
};

function frame(extra: Partial<Frame>): Frame {
  return { timeMs: 20_000, cumulative: { storageRequests: 4000 }, cache: null, scaling: null, ...extra } as Frame;
}

function window(i: number, extra: Partial<WindowMetrics>): WindowMetrics {
  return { startMs: i * 1000, endMs: (i + 1) * 1000, storageRps: 100, ...extra } as WindowMetrics;
}

const last10 = figureWindowOf('last-10');
const whole = figureWindowOf('whole');

describe('the cache figures', () => {
  it('are absent without a cache tier', () => {
    expect(cacheFiguresOf(frame({}), [], last10)).toBeNull();
    expect(cacheFiguresOf(null, [], last10)).toBeNull();
  });

  it('read the whole run from the cumulative counters', () => {
    const c = cacheFiguresOf(frame({ cache }), [], whole);
    expect(c).toMatchObject({ hitShare: 0.8, wholeRunHitShare: 0.8, staleReads: 7, keysHeld: 1234, lookups: 1000 });
    expect(c?.storageOpsPerS).toBe(200);
  });

  it('read the last seconds from the windows, only as many as asked for', () => {
    const windows = [
      window(0, { cacheHits: 1000, cacheMisses: 0, staleReads: 50, storageRps: 1000 }),
      ...Array.from({ length: 10 }, (_, i) => window(i + 1, { cacheHits: 9, cacheMisses: 1, staleReads: 1 })),
    ];
    const c = cacheFiguresOf(frame({ cache }), windows, last10);
    expect(c).toMatchObject({
      lookups: 100,
      hitShare: 0.9,
      wholeRunHitShare: 0.8,
      staleReads: 10,
      storageOpsPerS: 100,
    });
  });

  it('say there is no hit ratio, not 0%, when nothing was looked up', () => {
    const none = { ...cache, hits: 0, misses: 0, hitShare: null };
    expect(cacheFiguresOf(frame({ cache: none }), [], whole)?.hitShare).toBeNull();
    const quiet = [window(0, { cacheHits: 0, cacheMisses: 0 })];
    expect(cacheFiguresOf(frame({ cache }), quiet, last10)).toMatchObject({ hitShare: null, wholeRunHitShare: 0.8 });
    expect(hitRatioPoints(quiet)[0]?.y).toBeNull();
  });

  it('format a share with one decimal', () => {
    expect(formatHitShare(0.8765)).toBe('87.7%');
    expect(formatHitShare(1)).toBe('100.0%');
  });
});

describe('the scaling figures', () => {
  it('are absent without scaling', () => {
    expect(scalingFiguresOf(frame({}), [], 12)).toBeNull();
  });

  it('add up the machine-seconds by tier and leave out tiers without machines', () => {
    const s = scalingFiguresOf(frame({ scaling }), [window(0, { appServersUp: 5 })], 12);
    expect(s?.machineSeconds).toBe(110);
    expect(s?.byTier.map((t) => t.key)).toEqual(['app', 'storage', 'balancer']);
    expect(s?.appServersServing).toBe(5);
    expect(scalingFiguresOf(frame({ scaling }), [], 12)?.appServersServing).toBe(4);
  });

  it('chart the app servers serving, with a gap where a window did not count them', () => {
    expect(appServersPoints([window(0, { appServersUp: 3 }), window(1, {})]).map((p) => p.y)).toEqual([3, null]);
  });
});
