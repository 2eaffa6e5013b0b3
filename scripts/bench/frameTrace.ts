// Reading a Chromium trace of the lab: the renderer main thread's own work per frame, its hottest
// functions by self time (from the trace's V8 samples, when it has them) and React's commits.
// Shared by bench-ui.ts and the diagnostic scripts beside this file.

export type TraceEvent = {
  name: string;
  ph: string;
  cat?: string;
  dur?: number;
  /** The thread's CPU time in the event, µs: dur less the time the thread waited or was not scheduled. */
  tdur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: Record<string, unknown> };
};

export interface Trace {
  traceEvents: TraceEvent[];
}

/** The q-quantile of an ascending list (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

export function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

function rendererMain(trace: Trace): TraceEvent[] {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid);
}

/**
 * The renderer main thread's own work per frame: top-level tasks (RunTask) grouped by the frame
 * they ran in, frames being delimited by the compositor commits Chromium records for each frame.
 * `wall` is the tasks' elapsed time, the judged figure; `cpu` is the main thread's CPU time in
 * them, which leaves out the time it sat blocked (mostly in Commit, waiting for the compositor and
 * raster threads, which on two cores compete with a busy worker) or was not scheduled.
 */
export function mainThreadMsPerFrame(trace: Trace): { wall: number[]; cpu: number[]; spanS: number } {
  const onMain = rendererMain(trace);
  const commits = onMain
    .filter((e) => e.name === 'Commit')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  if (commits.length < 2) throw new Error('the trace has no frame commits: cannot split main-thread work by frame');
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const wall = new Array<number>(commits.length - 1).fill(0);
  const cpu = [...wall];
  let frame = 0;
  for (const t of tasks) {
    while (frame < commits.length - 1 && t.ts >= (commits[frame + 1] as number)) frame++;
    if (t.ts < (commits[0] as number) || frame >= wall.length) continue;
    wall[frame] = (wall[frame] as number) + (t.dur ?? 0) / 1000;
    cpu[frame] = (cpu[frame] as number) + (t.tdur ?? t.dur ?? 0) / 1000;
  }
  const spanS = ((commits[commits.length - 1] as number) - (commits[0] as number)) / 1e6;
  return { wall, cpu, spanS };
}

/** Main-thread milliseconds per second of trace in each kind of top-level work Chromium names. */
export function mainThreadByKind(trace: Trace, spanS: number): Record<string, number> {
  const kinds = [
    'FunctionCall',
    'EventDispatch',
    'HandlePostMessage',
    'FireAnimationFrame',
    'v8.evaluateModule',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'MajorGC',
    'MinorGC',
  ];
  const totals: Record<string, number> = {};
  for (const e of rendererMain(trace)) {
    if (e.ph !== 'X' || !kinds.includes(e.name)) continue;
    totals[e.name] = (totals[e.name] ?? 0) + (e.dur ?? 0) / 1000;
  }
  return Object.fromEntries(
    Object.entries(totals)
      .sort((a, b) => b[1] - a[1])
      .map(([k, ms]) => [k, round(ms / Math.max(spanS, 1e-9), 1)]),
  );
}
