// The discrete-event engine: owns the state, advances it event by event in (time, sequence)
// order, and takes commands between events. Advancing is separate from scheduling: the caller
// decides how far to run (runUntil); nothing here knows about wall-clock time.
import { apply as applyToState, check, onRolloutStage } from './applyCommand';
import { noChange } from './noChange';
import { onServerArrival, onServiceDone, sampleUtilization } from './cluster/appServer';
import { isCurrent, onArrival, onRetryDue, onTimeout, scheduleNextArrival } from './cluster/client';
import { onDiskFailureDue, onNodeFailureDue, scheduleHardwareFaults } from './cluster/hardwareFaults';
import { onHealthCheck, rebuildRotation, scheduleHealthCheck } from './cluster/loadBalancer';
import { onDiskReplaceDue, onRestartDue } from './cluster/node';
import { onReplyArrival } from './cluster/reply';
import { onAntiEntropy, placeInitialReplicas } from './cluster/replication';
import { onCacheFill } from './cache/cachedRead';
import { onCacheNodeReady } from './cache/cacheEvents';
import { onRepairDetected, onRepairDone } from './cluster/repair';
import { parseCommand, type Command, type TimedCommand } from './commands';
import { EventKind, KIND_BITS, KIND_SPAN, type Observer } from './events';
import type { Tracer } from './trace/tracer';
import { WINDOW_MS } from './metrics';
import type { Scenario } from './scenarioSchema';
import { buildSnapshot } from './snapshotBuilder';
import { buildFrame, buildTopology, type Frame, type Topology } from './frame';
import type { EventCause, SimulationSnapshot } from './snapshot';
import { SimState } from './state';
import { deepCopy, type CopyStats } from './deepCopy';
import { EventBudget, type BudgetLimits } from './eventBudget';
import { InputError } from './limits';
import { onPipelineEvent, startPipeline } from './pipeline/pipelineEvents';
import { afterWindowClosed, onScalingEvent, startScaling, windowServers } from './scaling/scalingEvents';

export const COMMAND_LOG_LIMIT = 100_000;

export type ApplyResult = { ok: true } | { ok: false; error: string };

export interface RunResult {
  /** Events processed by this call. */
  readonly events: number;
  /** Simulated time reached, ms. */
  readonly timeMs: number;
}

export class Simulation {
  private readonly st: SimState;
  private readonly log: TimedCommand[] = [];
  private readonly scheduled: Command[] = [];
  private readonly budget: EventBudget;

  /** `budget` overrides the event budget's limits (tests make a would-be freeze end sooner). */
  constructor(scenario: Scenario, seed: number, budget?: Partial<BudgetLimits>) {
    const st = (this.st = new SimState(scenario, seed));
    this.budget = new EventBudget(st, budget);
    placeInitialReplicas(st);
    rebuildRotation(st);
    scheduleNextArrival(st);
    scheduleHealthCheck(st);
    scheduleHardwareFaults(st);
    st.at(scenario.storage.antiEntropyIntervalMs, EventKind.antiEntropy, 0, 0);
    st.at(WINDOW_MS, EventKind.windowClose, 0, 0);
    startScaling(st);
    startPipeline(st);
    for (const [i, entry] of scenario.schedule.entries()) {
      const parsed = parseCommand(entry.command);
      const field = `schedule.${i}.command`;
      if (!parsed.ok) throw new InputError(field, `${field}: ${parsed.errors.join('; ')}`);
      const problem = check(st, parsed.value);
      if (problem !== null && parsed.value.type !== 'replaceDisk') throw new InputError(field, `${field}: ${problem}`);
      this.scheduled.push(parsed.value);
      st.at(entry.atMs, EventKind.commandDue, i, 0);
    }
  }

  get nowMs(): number {
    return this.st.nowMs;
  }

  get scenario(): Scenario {
    return this.st.scenario;
  }

  get seed(): number {
    return this.st.seed;
  }

  /** Receives every event as a typed record (for tests and checkers); slows the run down. */
  set observer(observer: Observer | null) {
    this.st.observer = observer;
  }

  /** Validates a command (shape, target, ranges) and applies it now; a rejected command changes nothing. */
  /**
   * Live commands pass `refuseNoChange`: one that would change nothing (restarting a running node)
   * is refused with the reason. Replays of recorded commands do not, so older links keep their hash.
   */
  apply(input: unknown, options: { readonly refuseNoChange?: boolean } = {}): ApplyResult {
    const parsed = parseCommand(input);
    if (!parsed.ok) return { ok: false, error: parsed.errors.join('; ') };
    const problem = check(this.st, parsed.value) ?? (options.refuseNoChange ? noChange(this.st, parsed.value) : null);
    if (problem !== null) return { ok: false, error: problem };
    if (this.log.length >= COMMAND_LOG_LIMIT)
      return { ok: false, error: `command log is full (${COMMAND_LOG_LIMIT} commands)` };
    this.log.push({ atMs: this.st.nowMs, command: parsed.value });
    this.applyAs('user', parsed.value);
    return { ok: true };
  }

  private applyAs(cause: EventCause, command: Command): void {
    this.st.noteCause = cause;
    applyToState(this.st, command);
    this.st.noteCause = 'auto';
  }

  /** The commands applied so far, each with the simulated time it took effect. */
  commands(): readonly TimedCommand[] {
    return this.log;
  }

  /**
   * Processes every event up to and including untilMs (then the clock reads untilMs), or stops
   * after about maxEvents, but never in the middle of a timestamp: whenever control returns, all
   * events at or before nowMs are done, so a command applied now replays exactly.
   * Throws SimulationStalled when the events far outrun what the scenario explains (eventBudget.ts).
   */
  runUntil(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): RunResult {
    const st = this.st;
    const queue = st.queue;
    const deadlines = st.deadlines;
    const log = st.log;
    const budget = this.budget;
    let processed = 0;
    // One compare per event: the budget is looked at every few hundred thousand events.
    let checkAt = budget.countdown;
    let checkedAt = 0;
    let charged = 0;
    let kinds = budget.kinds;
    const extraWork = budget.extraWork;
    for (;;) {
      if (processed >= checkAt) {
        checkAt = processed + budget.check(st, processed - checkedAt + charged);
        checkedAt = processed;
        charged = 0;
        kinds = budget.kinds;
      }
      const heapTime = queue.peekTime();
      const deadlineTime = deadlines.peekTime();
      const next = deadlineTime < heapTime ? deadlineTime : heapTime;
      if (next > untilMs || next === Number.POSITIVE_INFINITY) {
        if (untilMs > st.nowMs && untilMs !== Number.POSITIVE_INFINITY) st.nowMs = untilMs;
        break;
      }
      if (processed >= maxEvents && next > st.nowMs) break;
      st.nowMs = next;
      if (deadlineTime < heapTime) {
        deadlines.pop();
        const slot = deadlines.poppedSlot;
        const aux = deadlines.poppedAux;
        // Nearly every deadline is stale (its attempt was answered in time): that is told here,
        // inlined, rather than by a call per deadline.
        if (isCurrent(st, slot, aux) && onTimeout(st, slot, aux)) {
          log.record(next, EventKind.attemptTimeout, slot, aux);
          processed++;
          if (kinds !== null) kinds[EventKind.attemptTimeout] = (kinds[EventKind.attemptTimeout] as number) + 1;
        }
        continue;
      }
      queue.pop();
      const payload = queue.poppedPayload;
      const aux = queue.poppedAux;
      const kind = payload & (KIND_SPAN - 1);
      log.record(next, payload, 0, aux);
      processed++;
      if (kinds !== null) kinds[kind] = (kinds[kind] as number) + 1;
      const extra = extraWork[kind] as number;
      if (extra !== 0) {
        checkAt -= extra;
        charged += extra;
      }
      this.dispatch(kind, payload >>> KIND_BITS, aux);
    }
    budget.settle(processed - checkedAt + charged, checkAt - processed);
    return { events: processed, timeMs: st.nowMs };
  }

  private dispatch(kind: number, index: number, aux: number): void {
    const st = this.st;
    switch (kind) {
      case EventKind.arrival:
        onArrival(st, aux);
        return;
      case EventKind.serverArrival:
        return onServerArrival(st, index, aux);
      case EventKind.serviceDone:
        return onServiceDone(st, index, aux);
      case EventKind.replyArrival:
        return onReplyArrival(st, index, aux);
      case EventKind.attemptTimeout:
        onTimeout(st, index, aux);
        return;
      case EventKind.retryDue:
        return onRetryDue(st, index, aux);
      case EventKind.healthCheck:
        return onHealthCheck(st);
      case EventKind.diskFailureDue:
        return onDiskFailureDue(st, aux);
      case EventKind.nodeFailureDue:
        return onNodeFailureDue(st, aux);
      case EventKind.nodeRestartDue:
        return onRestartDue(st, index, aux, 'back up after its scheduled restart');
      case EventKind.repairDetected:
        return onRepairDetected(st, index, aux);
      case EventKind.repairDone:
        return onRepairDone(st, index, aux);
      case EventKind.antiEntropy:
        return onAntiEntropy(st);
      case EventKind.commandDue:
        return this.onCommandDue(index);
      case EventKind.spikeEnd:
        if (aux === st.spikeToken) {
          st.loadMultiplier = 1;
          st.note('loadSpikeEnded', 'clients', 'load back to normal');
          scheduleNextArrival(st);
        }
        return;
      case EventKind.rolloutStage:
        return onRolloutStage(st, aux);
      case EventKind.diskReplaceDue:
        return onDiskReplaceDue(st, index, aux);
      case EventKind.cacheFill:
        return onCacheFill(st, index, aux);
      case EventKind.cacheNodeReady:
        return onCacheNodeReady(st, index, aux);
      case EventKind.nodeReady:
      case EventKind.drainCheck:
      case EventKind.moveDone:
        return onScalingEvent(st, kind, index, aux);
      case EventKind.logFetch:
      case EventKind.logElection:
      case EventKind.consumerDone:
      case EventKind.consumerCommit:
      case EventKind.rebalanceDone:
      case EventKind.indexRecovered:
        return onPipelineEvent(st, kind, index, aux);
      case EventKind.windowClose:
        sampleUtilization(st, WINDOW_MS);
        st.metrics.closeWindow(st.nowMs, windowServers(st));
        afterWindowClosed(st);
        st.at(st.nowMs + WINDOW_MS, EventKind.windowClose, 0, 0);
        return;
      default:
        throw new Error(`unknown event kind ${kind}`);
    }
  }

  private onCommandDue(index: number): void {
    const command = this.scheduled[index] as Command;
    const problem = check(this.st, command);
    if (problem !== null) {
      this.st.noteCause = 'schedule';
      this.st.note('commandSkipped', command.type, problem);
      this.st.noteCause = 'auto';
      return;
    }
    this.applyAs('schedule', command);
  }

  /** Nodes and links of this run, indexed as in frame(). */
  topology(): Topology {
    return buildTopology(this.st);
  }

  /** The compact per-frame picture; pass what the caller already has so only news is sent. */
  frame(linkVersionSeen: number, windowsAfterMs: number, eventsSeen: number): Frame {
    return buildFrame(this.st, linkVersionSeen, windowsAfterMs, eventsSeen);
  }

  snapshot(): SimulationSnapshot {
    return buildSnapshot(this.st);
  }

  /** Share of successful requests so far slower than a latency, ms (histogram resolution). */
  latencyShareAbove(latencyMs: number): number {
    return this.st.metrics.latency.shareAbove(latencyMs);
  }

  /** Hash of the event log so far: equal for equal scenario, seed and command log. */
  logHash(): string {
    return this.st.log.hash();
  }

  /**
   * An independent copy of the run as it stands, observer left out: running either one never
   * changes the other, and the copy continues exactly as this run would (same events, same hash).
   * `stats` receives the bytes copied, for callers that budget memory.
   */
  clone(stats?: CopyStats): Simulation {
    // The tracer is a view's window on this run, not part of it: the copy starts without one.
    const tracer = this.st.tracer;
    this.st.tracer = null;
    const twin = deepCopy<Simulation>(this, stats);
    this.st.tracer = tracer;
    twin.observer = null;
    return twin;
  }

  /** Attaches (or with null, detaches) a flight recorder; it never changes the run or its hash. */
  set tracer(tracer: Tracer | null) {
    this.st.tracer = tracer;
  }

  get tracer(): Tracer | null {
    return this.st.tracer;
  }

  /** Events waiting in the future event list (for benchmarks and limits). */
  get pendingEvents(): number {
    return this.st.queue.size + this.st.deadlines.size;
  }

  get pendingHeapEvents(): number {
    return this.st.queue.size;
  }

  get events(): number {
    return this.st.log.events;
  }
}
