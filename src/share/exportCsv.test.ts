// Exports parse back, and text that a spreadsheet would run as a formula is defused.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario, type Scenario, type WindowMetrics } from '../sim/index';
import { exportedSeconds, safeCell, windowsCsv } from './exportCsv';

/** A small CSV reader (quoted cells, doubled quotes) to check what we write. */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .filter((m) => m[0] !== '')
        .map((m) => {
          const cell = m[1] ?? '';
          return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        }),
    );
}

describe('exports', () => {
  const sim = createSimulation(getBuiltInScenario('default') as Scenario, 3);
  sim.runUntil(3000);
  sim.apply({ type: 'crashNode', nodeId: 'app-2' });
  sim.runUntil(8000);

  it('writes one CSV row per window with numbers that read back', () => {
    const windows = sim.frame(0, -1, 0).newWindows;
    const rows = parseCsv(windowsCsv(windows));
    expect(rows[0]?.[0]).toBe('start_s');
    expect(rows).toHaveLength(windows.length + 1);
    expect(Number(rows[1]?.[2])).toBe(windows[0]?.offered);
    expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true);
  });

  it('names the unit of every metrics column, and rounds its times', () => {
    const windows = sim.frame(0, -1, 0).newWindows;
    const [header, first] = parseCsv(windowsCsv(windows));
    expect(header).toEqual([
      'start_s',
      'end_s',
      'offered_requests',
      'sent_attempts',
      'succeeded_requests',
      'failed_requests',
      'rejected_attempts',
      'timed_out_attempts',
      'availability_ratio',
      'storage_rps',
      'server_work_ms',
      'latency_mean_ms',
      'latency_p50_ms',
      'latency_p95_ms',
      'latency_p99_ms',
      'latency_p999_ms',
    ]);
    expect(header?.every((name) => /_(s|ms|rps|ratio|requests|attempts)$/.test(name))).toBe(true);
    expect(first?.slice(0, 2)).toEqual(['0', '1']);
    const shifted = { ...(windows[0] as WindowMetrics), startMs: 5299.999999999999, endMs: 6299.999999999999 };
    expect(parseCsv(windowsCsv([shifted]))[1]?.slice(0, 2)).toEqual(['5.3', '6.3']);
  });

  it('writes times at the resolution of the run, never float noise such as 5.299999999999999', () => {
    expect(5299.999999999999 / 1000).toBe(5.299999999999999);
    expect(exportedSeconds(5299.999999999999)).toBe(5.3);
    expect(exportedSeconds(1234.5678)).toBe(1.234568);
  });

  it('defuses spreadsheet formulas and quotes text', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(safeCell('+1')).toBe(`"'+1"`);
    expect(safeCell('-2')).toBe(`"'-2"`);
    expect(safeCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(safeCell('db-1, disk 0')).toBe('"db-1, disk 0"');
    expect(safeCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
  });
});

describe('the metrics CSV of a run with a cache and scaling', () => {
  it('adds the cache and app server columns only when the windows carry them', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 3);
    sim.runUntil(1000);
    const plain = sim.frame(0, -1, 0).newWindows[0] as WindowMetrics;
    const tier: WindowMetrics = { ...plain, cacheHits: 90, cacheMisses: 10, staleReads: 2, appServersUp: 5 };
    // Numbers only, so a plain split reads the lines (empty cells included).
    const [header, before, after] = windowsCsv([plain, tier])
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(header?.slice(-4)).toEqual([
      'cache_hit_lookups',
      'cache_miss_lookups',
      'stale_reads',
      'app_servers_up_machines',
    ]);
    expect(after?.slice(-4)).toEqual(['90', '10', '2', '5']);
    // A window without the figure (made before the tier counted it) leaves the cell empty.
    expect(before?.slice(-4)).toEqual(['', '', '', '']);
    expect(windowsCsv([plain])).not.toContain('cache_hit_lookups');
  });
});

describe('the metrics CSV of a run with the data pipeline', () => {
  const PIPELINE = [
    'log_appended_events',
    'indexer_lag_events',
    'indexer_lag_s',
    'notifier_lag_events',
    'notifier_lag_s',
    'index_staleness_s',
    'answered_searches',
    'missed_write_searches',
  ];

  it('adds the log, lag, staleness and search columns for data-system, each named with its unit', () => {
    const sim = createSimulation(getBuiltInScenario('data-system') as Scenario, 3);
    sim.runUntil(4000);
    const windows = sim.frame(0, -1, 0).newWindows;
    const [header, ...rows] = parseCsv(windowsCsv(windows));
    expect(header?.slice(-PIPELINE.length)).toEqual(PIPELINE);
    expect(
      header?.every((name) => /_(s|ms|rps|ratio|requests|attempts|lookups|reads|machines|events|searches)$/.test(name)),
    ).toBe(true);
    const column = (name: string) => rows.map((r) => Number(r[header?.indexOf(name) ?? -1]));
    expect(column('log_appended_events').every((n) => n > 0)).toBe(true);
    expect(column('answered_searches').every((n) => n > 0)).toBe(true);
    expect(column('indexer_lag_s')).toEqual(windows.map((w) => Number(w.indexerLagSeconds?.toPrecision(10))));
  });

  it('leaves them out of a run without the pipeline', () => {
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 3);
    sim.runUntil(2000);
    const csv = windowsCsv(sim.frame(0, -1, 0).newWindows);
    for (const name of PIPELINE) expect(csv).not.toContain(name);
  });
});
