// Messages between the lab page and the simulation worker. Commands go in; one compact frame
// comes out per request to advance. Every message carries the run id, so replies from a run
// that has since been replaced (reset, new seed, new scenario) are ignored.
import type { Command, Frame, Scenario, TimedCommand, Topology } from '../sim/index';

/** Events per advance request while playing: keeps one worker reply to a few tens of milliseconds even at 1000x. */
export const EVENTS_PER_REQUEST = 150_000;

/** A run to rebuild on load: these commands at their times, then on to untilMs. */
export interface Replay {
  readonly commands: readonly TimedCommand[];
  readonly untilMs: number;
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
  | { readonly type: 'command'; readonly runId: number; readonly requestId: number; readonly command: Command };

export type LabReply =
  | { readonly type: 'loaded'; readonly runId: number; readonly topology: Topology; readonly frame: Frame }
  | { readonly type: 'frame'; readonly runId: number; readonly frame: Frame; readonly workMs: number }
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
