// The shape of the lab's store and its limits: what the sim, playback and view slices hold and
// which actions change them. Types only (and constants), so views can import them cheaply.
import type { Fork } from './fork';
import type { StoreApi } from 'zustand/vanilla';
import type {
  Command,
  Frame,
  LinkFrame,
  NotableEvent,
  Scenario,
  TimedCommand,
  Topology,
  WindowMetrics,
} from '../sim/index';
import type { Experiment } from '../share/experiment';
import type { CatchUpTask, Replay } from '../worker/labProtocol';
import type { TraceState, TrafficFeed } from './traffic';
import type { TraceWish } from '../sim/index';

export const WINDOW_HISTORY = 600;
export const EVENT_HISTORY = 200;
export const MARK_HISTORY = 200;
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 50, 100, 1000] as const;
export const STEP_MS = 1000;
/**
 * While playing, the costly views (cluster picture, figures, charts, log) are redrawn at most
 * this often, all in the same frame (the clock in the header more often: CLOCK_MS). Paused,
 * stepping or after a command, they follow at once.
 */
export const SHOW_MS = 500;
/**
 * While playing, the clock in the header changes at most about this often (a dozen times a
 * second). Every change costs the page a full render and commit, and the worker answers up to
 * every frame at 10x to 100x: faster than anyone reads a number, and a steady cost to the page.
 * At 1x it still shows every tenth of a second.
 */
export const CLOCK_MS = 80;

/** What the costly views draw: the latest frame and histories as of the last redraw. */
export interface Shown {
  readonly frame: Frame | null;
  readonly windows: readonly WindowMetrics[];
  readonly events: readonly NotableEvent[];
  readonly marks: readonly FaultMark[];
}

export const NOTHING_SHOWN: Shown = { frame: null, windows: [], events: [], marks: [] };

/** A run's record: its commands and how far it got. */
export interface Branch {
  readonly commands: readonly TimedCommand[];
  readonly endMs: number;
}

/** Long work under way in the worker: rebuilding the run (replay) or simulating ahead (catch-up). */
export interface CatchUpProgress {
  readonly task: CatchUpTask;
  /** From 0 to 1, by simulated time. */
  readonly doneShare: number;
}

export interface FaultMark {
  readonly timeMs: number;
  readonly label: string;
}

export type MenuTarget =
  { readonly kind: 'node' | 'link'; readonly id: string } | { readonly kind: 'group'; readonly ids: readonly string[] };

export interface AppState {
  // sim slice
  readonly scenario: Scenario;
  readonly seed: number;
  readonly runId: number;
  readonly topology: Topology | null;
  readonly frame: Frame | null;
  readonly links: LinkFrame | null;
  readonly windows: readonly WindowMetrics[];
  readonly events: readonly NotableEvent[];
  readonly marks: readonly FaultMark[];
  /** Commands the simulation accepted in this run, at the simulated time it applied them. */
  readonly commandLog: readonly TimedCommand[];
  /**
   * While the user looks at an earlier moment (scrubbed back on the timeline): the whole branch
   * they came from, to scrub forward through again. Playing or acting from the past forks: the
   * branch's later commands are dropped.
   */
  readonly past: Branch | null;
  /** The branch the last fork from the past replaced, for Undo to bring back (src/store/fork.ts). */
  readonly fork: Fork | null;
  readonly shown: Shown;
  /** The simulated time the header's clock shows (see CLOCK_MS). */
  readonly clockMs: number;
  readonly commandError: string | null;
  readonly simError: string | null;
  readonly announcement: string;
  /** The replay or catch-up under way, shown with a Cancel button; null when there is none to show. */
  readonly catchUp: CatchUpProgress | null;
  /** "Trace a request": looking for one, or the one found (src/store/traffic.ts). */
  readonly trace: TraceState;
  /** The followed requests' messages, frame by frame, for the picture's moving marks. */
  readonly traffic: TrafficFeed;
  // playback slice
  readonly playing: boolean;
  readonly speed: number;
  readonly pending: boolean;
  /** Playback stops here (a lesson waiting to reveal what the learner saw); null = no limit. */
  readonly stopAtMs: number | null;
  // view slice
  readonly selected: readonly string[];
  readonly menu: MenuTarget | null;
  readonly inspected: string | null;
  readonly helpOpen: boolean;
  readonly actions: AppActions;
}

export interface AppActions {
  loadScenario(id: string): void;
  /** Starts a run of any (validated) scenario, optionally rebuilt from a command log. */
  startRun(scenario: Scenario, seed: number, replay?: Replay): void;
  /** Opens a shared experiment (link, file or host page): its run rebuilt, paused at its moment. */
  openExperiment(experiment: Experiment): void;
  setSeed(seed: number): void;
  reset(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Advances simulated time by STEP_MS while paused. */
  step(): void;
  setSpeed(speed: number): void;
  /** Playing and stepping go no further than this simulated time (null: no limit). */
  setStopAt(timeMs: number | null): void;
  /** Asks the simulation to advance to a time now (if no request is in flight). */
  advanceTo(untilMs: number, maxEvents: number): void;
  /**
   * The run loop's wish: be at untilMs. Sent now if the worker is idle, otherwise as soon as its
   * reply arrives (not at the next animation frame), so the worker never idles while playing.
   */
  want(untilMs: number, maxEvents: number): void;
  /** Sends a command; `label` is how it is marked on the charts and announced. */
  apply(command: Command, label: string): void;
  select(id: string, additive: boolean): void;
  clearSelection(): void;
  openMenu(target: MenuTarget): void;
  closeMenu(): void;
  inspect(id: string | null): void;
  setHelpOpen(open: boolean): void;
  dismissError(): void;
  /** Shows the run as it was at an earlier (or, within the branch, later) moment, rebuilt by replay. */
  seek(timeMs: number): void;
  /** Stops the replay or catch-up under way where it got to; the run stays there, paused. */
  cancelCatchUp(): void;
  /** Shows a problem from outside the simulation (a bad link or file) in the error banner. */
  showProblem(message: string): void;
  /** Follow every Nth new request for the moving marks (0: none). */
  followRequests(everyN: number): void;
  /** Looks for a request to trace whole (the next, a slow or a failed one); null stops and clears. */
  traceRequest(wish: TraceWish | null): void;
  /** Sends the commands that heal everything now broken (src/store/heal.ts). */
  healEverything(): void;
  /** Rebuilds the run without its last action, at the same simulated time (src/store/undo.ts). */
  undoLastAction(): void;
}

export type AppStore = StoreApi<AppState>;
