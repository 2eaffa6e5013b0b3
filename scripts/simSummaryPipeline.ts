// The data pipeline's part of `npm run sim`'s report (issue 15): the log (metrics.log), each
// consumer group (metrics.consumers, by name) and the search index (metrics.index), each null
// when the scenario has no such part, as metrics.cache is. Read from the frame, the only place
// the simulation hands out the pipeline's figures.
import type { Frame, Simulation } from '../src/sim/index';

type PipelineSnapshot = NonNullable<Frame['pipeline']>;

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const roundOrNull = (x: number | null, digits = 3): number | null => (x === null ? null : round(x, digits));

export function pipelineSummaryOf(sim: Simulation, simulatedS: number) {
  // No links, windows or events are wanted: only the pipeline's record.
  const p = sim.frame(0, sim.nowMs, Number.POSITIVE_INFINITY).pipeline;
  return { log: logOf(p, simulatedS), consumers: consumersOf(p), index: indexOf(p) };
}

function logOf(p: PipelineSnapshot | null, simulatedS: number) {
  const log = p?.log;
  if (!log) return null;
  return {
    /** Change events appended per simulated second over the whole run. */
    appendRps: simulatedS > 0 ? round(log.appended / simulatedS, 2) : 0,
    appended: log.appended,
    acknowledgedLost: log.acknowledgedLost,
    changesMissed: log.changesMissed,
    resent: log.resent,
    deletedByRetention: log.deletedByRetention,
  };
}

interface GroupSummary {
  lagEvents: number;
  lagSeconds: number;
  processed: number;
  duplicates: number;
  skipped: number;
  delayMsP50: number | null;
  delayMsP99: number | null;
}

function consumersOf(p: PipelineSnapshot | null): Record<string, GroupSummary> | null {
  if (!p || p.groups.length === 0) return null;
  const out: Record<string, GroupSummary> = {};
  for (const g of p.groups)
    out[g.name] = {
      lagEvents: g.lagEvents,
      lagSeconds: round(g.lagSeconds),
      processed: g.processed,
      duplicates: g.duplicates,
      skipped: g.skipped,
      delayMsP50: roundOrNull(g.delayMsP50),
      delayMsP99: roundOrNull(g.delayMsP99),
    };
  return out;
}

function indexOf(p: PipelineSnapshot | null) {
  const index = p?.index;
  if (!index) return null;
  return {
    stalenessSeconds: round(index.stalenessSeconds),
    stalenessEvents: index.stalenessEvents,
    searches: index.searches,
    searchesMissedWrite: index.searchesMissedWrite,
    searchesFailed: index.searchesFailed,
    searchMsP50: roundOrNull(index.searchMsP50),
    searchMsP99: roundOrNull(index.searchMsP99),
    rebuilds: index.rebuilds,
  };
}

export type PipelineSummary = ReturnType<typeof pipelineSummaryOf>;

const n = (x: number) => x.toLocaleString('en');
const ms = (x: number | null) => (x === null ? '—' : `${round(x, 1)} ms`);

/** The pipeline's lines of the summary in words (none without a pipeline). */
export function describePipeline(m: PipelineSummary): string[] {
  const lines: string[] = [];
  const { log, consumers, index } = m;
  if (log)
    lines.push(
      `  log           ${n(log.appended)} events appended (${log.appendRps}/s); ${n(log.acknowledgedLost)} acknowledged events lost; ${n(log.changesMissed)} changes missed; ${n(log.deletedByRetention)} deleted by retention`,
    );
  for (const [name, g] of Object.entries(consumers ?? {}))
    lines.push(
      `  ${name.padEnd(13)} consumer group lag ${n(g.lagEvents)} events (${round(g.lagSeconds, 1)} s); ${n(g.processed)} processed, ${n(g.duplicates)} duplicates, ${n(g.skipped)} skipped; delay from the write p50 ${ms(g.delayMsP50)}, p99 ${ms(g.delayMsP99)}`,
    );
  if (index) {
    const share = index.searches > 0 ? ` (${((index.searchesMissedWrite / index.searches) * 100).toFixed(1)}%)` : '';
    lines.push(
      `  index         ${round(index.stalenessSeconds, 1)} s (${n(index.stalenessEvents)} events) behind; ${n(index.searches)} searches, ${n(index.searchesMissedWrite)} missed a write${share}, ${n(index.searchesFailed)} failed; p50 ${ms(index.searchMsP50)}, p99 ${ms(index.searchMsP99)}; ${index.rebuilds} rebuilds`,
    );
  }
  return lines;
}
