// Runs one simulation for the lab and answers LabRequests. Plain logic, no worker globals, so
// it runs the same inside the Web Worker and in-process in Node tests.
import { createSimulation, replay, type Frame, type Simulation } from '../sim/index';
import { Checkpoints } from './checkpoints';
import type { LabReply, LabRequest } from './labProtocol';

type Clock = () => number;

export class LabHost {
  private sim: Simulation | null = null;
  private runId = -1;
  private linkVersion = -1;
  private windowsAfterMs = -1;
  private eventsSeen = 0;
  private readonly checkpoints = new Checkpoints();

  constructor(
    private readonly send: (reply: LabReply) => void,
    private readonly clock: Clock,
  ) {}

  private frame(sim: Simulation): Frame {
    const frame = sim.frame(this.linkVersion, this.windowsAfterMs, this.eventsSeen);
    if (frame.links) this.linkVersion = frame.links.version;
    const last = frame.newWindows[frame.newWindows.length - 1];
    if (last) this.windowsAfterMs = last.endMs;
    this.eventsSeen = frame.eventsTotal;
    return frame;
  }

  handle(request: LabRequest): void {
    try {
      this.dispatch(request);
    } catch (error) {
      this.send({ type: 'error', runId: request.runId, message: (error as Error).message });
    }
  }

  private dispatch(request: LabRequest): void {
    if (request.type === 'load') {
      const { scenario, seed } = request;
      this.checkpoints.follow(scenario, seed);
      const wanted = request.replay;
      this.sim = wanted
        ? (this.checkpoints.resume(wanted.commands, wanted.untilMs) ??
          replay(scenario, seed, wanted.commands, wanted.untilMs))
        : createSimulation(scenario, seed);
      this.runId = request.runId;
      this.linkVersion = -1;
      this.windowsAfterMs = -1;
      this.eventsSeen = 0;
      this.send({ type: 'loaded', runId: this.runId, topology: this.sim.topology(), frame: this.frame(this.sim) });
      return;
    }
    const sim = this.sim;
    if (sim === null || request.runId !== this.runId) return; // a stale run
    switch (request.type) {
      case 'advance': {
        const started = this.clock();
        sim.runUntil(request.untilMs, request.maxEvents);
        this.checkpoints.offer(sim);
        this.send({ type: 'frame', runId: this.runId, frame: this.frame(sim), workMs: this.clock() - started });
        return;
      }
      case 'command': {
        const result = sim.apply(request.command);
        this.send({
          type: 'commandResult',
          runId: this.runId,
          requestId: request.requestId,
          ok: result.ok,
          error: result.ok ? null : result.error,
          atMs: sim.nowMs,
          frame: this.frame(sim),
        });
        return;
      }
      default: {
        const never: never = request;
        return never;
      }
    }
  }
}
