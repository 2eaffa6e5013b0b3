// A freeze made impossible by construction: every few hundred thousand events the engine asks
// whether the events done since the last look fit what the scenario can explain (its arrival rate
// with retries and spikes, its health checks, anti-entropy, hardware faults and the repairs they
// cause), with a wide margin and a floor for bursts at one instant (a rack's worth of repairs).
// A run that does far more, such as a timer firing every 1e-300 ms that never moves the clock,
// is stopped with SimulationStalled naming the field behind most of its events.
import { EventKind } from './events';
import { SimulationStalled } from './limits';
import { MAX_RF } from './codes';
import type { SimState } from './state';
import { fetchWork, PIPELINE_FIELD_OF_KIND, pipelineEventsPerSecond } from './pipeline/pipelineBudget';

const HOUR_MS = 3_600_000;
/** Events per attempt (server arrival, service, reply, timeout, retry...), generously. */
const EVENTS_PER_ATTEMPT = 8;
/** Hardware faults the bounds allow: at most one per simulated millisecond fleet-wide. */
const MAX_FAULTS_PER_S = 1000;

export interface BudgetLimits {
  /** Events between two looks at the budget. */
  checkEvents: number;
  /** Events always allowed in a window, whatever its length (bursts at one instant). */
  floorEvents: number;
  /** How many times the explained rate a run may reach before it counts as stalled. */
  margin: number;
  /** Events counted by kind, once a window is over budget, to name the field. */
  diagnoseEvents: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  checkEvents: 1 << 18,
  floorEvents: 3_000_000,
  margin: 50,
  diagnoseEvents: 4096,
};

const FIELD_OF_KIND: Record<number, string> = {
  [EventKind.arrival]: 'clients.rateRps',
  [EventKind.serverArrival]: 'appServers.serviceTime',
  [EventKind.serviceDone]: 'appServers.serviceTime',
  [EventKind.replyArrival]: 'network.hopLatency',
  [EventKind.attemptTimeout]: 'policy.timeoutMs',
  [EventKind.retryDue]: 'policy.retry',
  [EventKind.healthCheck]: 'policy.healthCheckIntervalMs',
  [EventKind.diskFailureDue]: 'hardwareFaults.diskMttfHours',
  [EventKind.nodeFailureDue]: 'hardwareFaults.nodeMttfHours',
  [EventKind.nodeRestartDue]: 'hardwareFaults.nodeRepairHours',
  [EventKind.repairDetected]: 'storage.repairDetectMs',
  [EventKind.repairDone]: 'storage.repairCopyMs',
  [EventKind.antiEntropy]: 'storage.antiEntropyIntervalMs',
  [EventKind.commandDue]: 'schedule',
  [EventKind.spikeEnd]: 'schedule',
  [EventKind.rolloutStage]: 'schedule',
  [EventKind.windowClose]: 'durationS',
  [EventKind.diskReplaceDue]: 'hardwareFaults.diskReplaceHours',
  ...PIPELINE_FIELD_OF_KIND,
};

/**
 * Events per simulated second the scenario can explain, each rate taken at its bound when it is
 * beyond it. peakRps: the highest arrival rate (spikes included) since the window began.
 */
export function explainedEventsPerSecond(st: SimState, peakRps: number): number {
  const p = st.policy;
  const s = st.scenario.storage;
  const hw = st.hardware;
  const attempts = Math.max(1, p.retry.maxAttempts);
  const requests = Math.max(peakRps, 1) * (2 + EVENTS_PER_ATTEMPT * attempts);
  const probes = (1000 / Math.max(p.healthCheckIntervalMs, 1)) * (1 + st.appCount);
  const antiEntropy = (1000 / Math.max(s.antiEntropyIntervalMs, 100)) * (1 + st.partitions);
  const hardwareHoursPerS = (hw.timeCompression * 1000) / HOUR_MS;
  const disks = st.diskStatus.length;
  const diskFaults = Math.min(MAX_FAULTS_PER_S, (disks * hardwareHoursPerS) / Math.max(hw.diskMttfHours, 1e-9));
  const machineFaults = Math.min(
    MAX_FAULTS_PER_S,
    ((st.appCount + st.storageCount) * hardwareHoursPerS) / Math.max(hw.nodeMttfHours, 1e-9),
  );
  const replicasPerDisk = (st.partitions * MAX_RF) / disks;
  const faults = hw.enabled ? diskFaults * (3 + 3 * replicasPerDisk) + machineFaults * 4 : 0;
  return requests + probes + antiEntropy + 1 + faults + pipelineEventsPerSecond(st.scenario);
}

export class EventBudget {
  private readonly limits: BudgetLimits;
  private windowEvents = 0;
  private windowStartMs = 0;
  /** Events left before the next look (kept across runUntil calls). */
  countdown: number;
  /**
   * Extra events charged for an event of each kind that does more than one event's work: an
   * anti-entropy pass visits every partition, a health check probes every server.
   */
  readonly extraWork = new Int32Array(32);
  /** Events by kind, counted only while diagnosing a window over budget. */
  kinds: Float64Array | null = null;

  constructor(st: SimState, limits: Partial<BudgetLimits> = {}) {
    this.limits = { ...DEFAULT_BUDGET, ...limits };
    this.countdown = this.limits.checkEvents;
    this.extraWork[EventKind.antiEntropy] = st.partitions;
    this.extraWork[EventKind.healthCheck] = st.appCount;
    this.extraWork[EventKind.logFetch] = fetchWork(st.scenario);
  }

  /** A run call ended `done` events after the last look, `countdown` events before the next one. */
  settle(done: number, countdown: number): void {
    this.windowEvents += done;
    this.countdown = countdown;
  }

  /** Called once the countdown has run out, `done` events after the last look: returns the events until the next look, or throws. */
  check(st: SimState, done: number): number {
    this.windowEvents += done;
    if (this.kinds !== null) throw this.stalled(st, this.kinds);
    const elapsedS = (st.nowMs - this.windowStartMs) / 1000;
    const rate = explainedEventsPerSecond(st, st.peakLoadRps);
    const allowed = this.limits.floorEvents + this.limits.margin * rate * elapsedS;
    if (this.windowEvents > allowed) {
      this.kinds = new Float64Array(32);
      return this.limits.diagnoseEvents;
    }
    // A window twice the floor has shown its pace: start a fresh one (a freeze that starts late
    // in it is caught by the next, within the floor plus a look).
    if (this.windowEvents >= 2 * this.limits.floorEvents) {
      this.windowEvents = 0;
      this.windowStartMs = st.nowMs;
      st.peakLoadRps = st.rateRps * st.loadMultiplier;
    }
    return this.limits.checkEvents;
  }

  private stalled(st: SimState, kinds: Float64Array): SimulationStalled {
    let top = 0;
    for (let k = 1; k < kinds.length; k++) if ((kinds[k] as number) > (kinds[top] as number)) top = k;
    const kindName = Object.keys(EventKind).find((name) => EventKind[name as keyof typeof EventKind] === top);
    const field = FIELD_OF_KIND[top] ?? 'schedule';
    const elapsedMs = st.nowMs - this.windowStartMs;
    return new SimulationStalled(
      field,
      `${field}: the run stopped at ${st.nowMs.toPrecision(6)} simulated ms because it did about ${this.windowEvents.toLocaleString('en')} events of work in ${elapsedMs.toPrecision(3)} simulated ms, far more than this scenario explains, and most were ${kindName ?? 'unknown'} events; check ${field}`,
    );
  }
}
