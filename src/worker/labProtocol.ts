// Messages between the lab page and the simulation worker. Commands go in; one compact frame
// comes out per request to advance. Every message carries the run id, so replies from a run
// that has since been replaced (reset, new seed, new scenario) are ignored.
import type { Command, Frame, RequestTrace, Scenario, TimedCommand, TraceWish, Topology, Traffic } from '../sim/index';

/** Events per advance request while playing: keeps one worker reply to a few tens of milliseconds even at 1000x. */
export const EVENTS_PER_REQUEST = 150_000;

/** A run to rebuild on load: these commands at their times, then on to untilMs. */
export interface Replay {
  readonly commands: readonly TimedCommand[];
  readonly untilMs: number;
}

/** The latest simulated time a rebuild reaches: its end, or a command after it. */
export function furthest(replay: Replay): number {
  return replay.commands.reduce((latest, c) => Math.max(latest, c.atMs), replay.untilMs);
}

export type LabRequest =
  | {
      readonly type: 'load';
      readonly runId: number;
      readonly scenario: Scenario;
      readonly seed: number;
      readonly replay?: Replay;
    }
  | { readonly type: 'advance'; readonly runId: number; readonly untilMs: number; readonly maxEvents: number }
  | { readonly type: 'command'; readonly runId: number; readonly requestId: number; readonly command: Command }
  /** Stops the run's replay or catch-up where it got to (answered by `loaded` or `frame` with `cancelled`). */
  | { readonly type: 'cancel'; readonly runId: number }
  /** Follow every Nth new request for the picture's moving marks (0: none); frames then carry `traffic`. */
  | { readonly type: 'watch'; readonly runId: number; readonly everyN: number }
  /** Look for a request to trace whole (null stops looking); answered by a `trace` reply. */
  | { readonly type: 'trace'; readonly runId: number; readonly wish: TraceWish | null };

/** Long work the worker does in slices: rebuilding a run on load, or simulating ahead by a jump. */
export type CatchUpTask = 'replay' | 'catchUp';

export type LabReply =
  | {
      readonly type: 'loaded';
      readonly runId: number;
      readonly topology: Topology;
      readonly frame: Frame;
      /** Set when the replay was cancelled: the run stops at frame.timeMs with only its first commands. */
      readonly cancelled?: { readonly commandsApplied: number };
    }
  | {
      readonly type: 'frame';
      readonly runId: number;
      readonly frame: Frame;
      readonly workMs: number;
      /** The advance was cancelled before it reached its time. */
      readonly cancelled?: true;
      /** The followed requests' messages since the last frame, when the page asked for them. */
      readonly traffic?: Traffic;
    }
  /** A traced request (or the news that none matched in time). */
  | { readonly type: 'trace'; readonly runId: number; readonly trace: RequestTrace }
  /** How far a replay or catch-up has got, by simulated time (0 to 1); sent between slices. */
  | { readonly type: 'progress'; readonly runId: number; readonly task: CatchUpTask; readonly doneShare: number }
  | {
      readonly type: 'commandResult';
      readonly runId: number;
      readonly requestId: number;
      readonly ok: boolean;
      readonly error: string | null;
      readonly atMs: number;
      readonly frame: Frame;
    }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };

/** Where the store sends requests and hears replies: a real Worker, or the simulation in-process for tests. */
export interface SimPort {
  post(request: LabRequest): void;
  onReply(listener: (reply: LabReply) => void): void;
  close(): void;
}
