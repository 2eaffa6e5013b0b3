// Runs one simulation for the lab and answers LabRequests. Plain logic, no worker globals, so
// it runs the same inside the Web Worker and in-process in Node tests.
// Long work (a replay on load, a big advance) runs as a job in slices of about SLICE_MS, with a
// yield to the scheduler between slices: the worker reads its messages in between, so a newer load
// or a cancel stops the job at once, and the page hears how far it got.
import { createSimulation, InputError, Tracer, type Frame, type Simulation, type Traffic } from '../sim/index';
import { beyondHorizon, isBeyondHorizon } from '../share/horizon';
import { CatchUp } from './catchUp';
import { Checkpoints } from './checkpoints';
import { furthest, type CatchUpTask, type LabReply, type LabRequest } from './labProtocol';

type Clock = () => number;
/** Runs a task later, after the messages already waiting (a macrotask in the worker). */
export type Schedule = (task: () => void) => void;

/** Wall time one slice of work may take before the worker reads its messages again. */
export const SLICE_MS = 30;
/** Progress is reported only for jobs that run longer than this, so a short step does not flash a bar. */
export const PROGRESS_AFTER_MS = 200;
/** Advances and commands waiting behind a job; the page keeps far fewer in flight. */
export const MAX_QUEUED = 256;

type LoadRequest = Extract<LabRequest, { type: 'load' }>;
type RunRequest = Extract<LabRequest, { type: 'advance' | 'command' }>;

/** A stretch of work in progress; `play` is an ordinary advance while playing (no progress shown). */
interface Job {
  readonly task: CatchUpTask | 'play';
  readonly catchUp: CatchUp;
  readonly startedAt: number;
  /** Commands a replay's checkpoint had already seen before the job began. */
  readonly commandsBefore: number;
}

export class LabHost {
  private sim: Simulation | null = null;
  private runId = -1;
  private linkVersion = -1;
  private windowsAfterMs = -1;
  private eventsSeen = 0;
  private readonly checkpoints = new Checkpoints();
  private pendingLoad: LoadRequest | null = null;
  private readonly queue: RunRequest[] = [];
  private job: Job | null = null;
  private scheduled = false;
  /**
   * Why the run cannot go on (its input made it stall or reach a limit mid-event): every later
   * advance or command gets this message at once, so the page never waits on a broken run. A new
   * load (Reset, another link) clears it.
   */
  private failure: string | null = null;
  /** The loaded run's flight recorder; a new run gets a new one with the same sampling. */
  private tracer = new Tracer();
  private everyN = 0;

  constructor(
    private readonly send: (reply: LabReply) => void,
    private readonly clock: Clock,
    private readonly schedule: Schedule,
  ) {}

  private frame(sim: Simulation): Frame {
    const frame = sim.frame(this.linkVersion, this.windowsAfterMs, this.eventsSeen);
    if (frame.links) this.linkVersion = frame.links.version;
    const last = frame.newWindows[frame.newWindows.length - 1];
    if (last) this.windowsAfterMs = last.endMs;
    this.eventsSeen = frame.eventsTotal;
    return frame;
  }

  /** Takes a request in; the work happens in the next slice, so a burst of messages is read first. */
  handle(request: LabRequest): void {
    if (request.type === 'load') {
      // A newer load replaces whatever the old run was doing or waiting for.
      this.runId = request.runId;
      this.pendingLoad = request;
      this.job = null;
      this.queue.length = 0;
      this.sim = null;
      this.failure = null;
    } else if (request.runId !== this.runId) {
      return; // a stale run
    } else if (request.type === 'cancel') {
      this.guard(() => this.cancel());
      return;
    } else if (request.type === 'watch') {
      this.everyN = request.everyN;
      this.tracer.sample(request.everyN);
      return;
    } else if (request.type === 'trace') {
      this.tracer.seek(request.wish, this.sim?.nowMs ?? 0);
      return;
    } else if (this.queue.length >= MAX_QUEUED) {
      this.send({ type: 'error', runId: this.runId, message: 'The lab had too many requests waiting.' });
      return;
    } else {
      this.queue.push(request);
    }
    this.wake();
  }

  private wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.guard(() => this.slice());
    });
  }

  /** Reports a failure as an error reply for the current run; the job that failed is dropped. */
  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.job = null;
      this.queue.length = 0;
      const message = (error as Error).message;
      // An input error thrown mid-run leaves the simulation between events, and a load that failed
      // leaves none: either way the run must not go on.
      if (error instanceof InputError || this.sim === null) this.failure = `${message} Reset to start again.`;
      this.send({ type: 'error', runId: this.runId, message: this.failure ?? message });
    }
  }

  /** Works for about SLICE_MS: on the current job, then on whatever waits; reschedules if work is left. */
  private slice(): void {
    const started = this.clock();
    do {
      // Starting a job (building a simulation) has its own cost: the clock is read before the first chunk.
      if (this.job === null) {
        if (!this.startNext()) return;
        continue;
      }
      if (this.job.catchUp.run()) this.finish(this.job, false);
    } while (this.clock() - started < SLICE_MS);
    const job = this.job;
    if (job && job.task !== 'play' && this.clock() - job.startedAt >= PROGRESS_AFTER_MS)
      this.send({ type: 'progress', runId: this.runId, task: job.task, doneShare: job.catchUp.doneShare });
    this.wake();
  }

  /** Starts the next waiting request (commands are done at once); false if nothing waits. */
  private startNext(): boolean {
    const load = this.pendingLoad;
    if (load) {
      this.pendingLoad = null;
      this.startLoad(load);
      return true;
    }
    const request = this.queue.shift();
    if (!request) return false;
    const sim = this.sim;
    if (this.failure !== null || sim === null) {
      this.send({ type: 'error', runId: this.runId, message: this.failure ?? 'The run is not loaded.' });
      return true;
    }
    if (request.type === 'command') {
      this.applyCommand(sim, request);
      return true;
    }
    // Playing asks for bounded stretches; a jump with no bound on events is bounded by the horizon.
    if (request.maxEvents === Number.POSITIVE_INFINITY && isBeyondHorizon(request.untilMs - sim.nowMs))
      throw new Error(beyondHorizon('Going ahead', request.untilMs));
    const task = request.maxEvents === Number.POSITIVE_INFINITY ? 'catchUp' : 'play';
    const catchUp = new CatchUp(sim, [], request.untilMs, request.maxEvents);
    this.job = { task, catchUp, startedAt: this.clock(), commandsBefore: 0 };
    return true;
  }

  private startLoad(request: LoadRequest): void {
    const { scenario, seed } = request;
    this.checkpoints.follow(scenario, seed);
    this.linkVersion = -1;
    this.windowsAfterMs = -1;
    this.eventsSeen = 0;
    const wanted = request.replay;
    const furthestMs = wanted ? furthest(wanted) : 0;
    if (!wanted || isBeyondHorizon(furthestMs)) {
      // Past the horizon the fresh scenario opens instead, so the lab stays usable beside the message.
      this.loaded(createSimulation(scenario, seed));
      if (wanted) throw new Error(beyondHorizon('This run', furthestMs));
      return;
    }
    const start = this.checkpoints.startFor(wanted.commands, wanted.untilMs) ?? {
      sim: createSimulation(scenario, seed),
      commands: wanted.commands,
    };
    this.job = {
      task: 'replay',
      catchUp: new CatchUp(start.sim, start.commands, wanted.untilMs),
      startedAt: this.clock(),
      commandsBefore: wanted.commands.length - start.commands.length,
    };
  }

  private loaded(sim: Simulation, cancelled?: { commandsApplied: number }): void {
    this.sim = sim;
    this.tracer = new Tracer();
    this.tracer.sample(this.everyN);
    sim.tracer = this.tracer;
    const frame = this.frame(sim);
    this.send({ type: 'loaded', runId: this.runId, topology: sim.topology(), frame, ...(cancelled && { cancelled }) });
  }

  private finish(job: Job, cancelled: boolean): void {
    this.job = null;
    const sim = job.catchUp.sim;
    if (job.task === 'replay') {
      const commandsApplied = job.commandsBefore + job.catchUp.commandsApplied;
      this.loaded(sim, cancelled ? { commandsApplied } : undefined);
      return;
    }
    this.checkpoints.offer(sim);
    const workMs = this.clock() - job.startedAt;
    const traffic = this.traffic();
    this.send({
      type: 'frame',
      runId: this.runId,
      frame: this.frame(sim),
      workMs,
      ...(cancelled && { cancelled }),
      ...(traffic && { traffic }),
    });
    const trace = this.tracer.takeTrace(sim.nowMs);
    if (trace) this.send({ type: 'trace', runId: this.runId, trace });
  }

  /** The motion sample since the last frame, if the page follows requests. */
  private traffic(): Traffic | null {
    const traffic = this.tracer.takeTraffic();
    return this.everyN > 0 ? traffic : null;
  }

  private cancel(): void {
    // Advances waiting behind the job were part of the same catch-up; commands still count.
    const waiting = this.queue.length;
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]?.type === 'advance') this.queue.splice(i, 1);
    const dropped = waiting - this.queue.length;
    const load = this.pendingLoad;
    if (load) {
      this.pendingLoad = null;
      this.startLoad(load);
    }
    if (this.job) return this.finish(this.job, true);
    // A cancel that came before the advance began still answers it: the page waits for that answer.
    const sim = this.sim;
    if (dropped > 0 && sim !== null)
      this.send({ type: 'frame', runId: this.runId, frame: this.frame(sim), workMs: 0, cancelled: true });
  }

  private applyCommand(sim: Simulation, request: Extract<LabRequest, { type: 'command' }>): void {
    const result = sim.apply(request.command, { refuseNoChange: true });
    this.send({
      type: 'commandResult',
      runId: this.runId,
      requestId: request.requestId,
      ok: result.ok,
      error: result.ok ? null : result.error,
      atMs: sim.nowMs,
      frame: this.frame(sim),
    });
  }
}
