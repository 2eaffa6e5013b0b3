// The metrics summary a host page receives: the figures of the last complete one-second window,
// so a report sent mid-second never reads p50 = 0 for a second that has barely begun.
import type { MetricsSummary } from '../../share/hostMessages';
import type { AppState } from '../../store/appState';

export function summaryOf(s: Pick<AppState, 'frame' | 'windows'>): MetricsSummary | null {
  const frame = s.frame;
  if (!frame) return null;
  const last = s.windows.at(-1);
  const served = last !== undefined && last.latencyMs.count > 0;
  return {
    timeMs: frame.timeMs,
    window: last ? { startMs: last.startMs, endMs: last.endMs } : null,
    // A second in which no request finished has no availability to report (the run says 1 then).
    availability: last && last.succeeded + last.failed > 0 ? last.availability : null,
    latencyMsP50: served ? last.latencyMs.p50 : null,
    latencyMsP99: served ? last.latencyMs.p99 : null,
    servedRps: last ? last.servedRps : null,
    ackedWritesLost: frame.durability.ackedWritesLost,
    logHash: frame.logHash,
  };
}
