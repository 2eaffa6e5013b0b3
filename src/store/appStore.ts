// The lab's store: what the simulation last reported (sim slice), the playback state (playback
// slice) and view-only state such as selection and open menus (view slice). Built by a factory
// so tests get a fresh store; no React here. The view never mutates simulation state: it calls
// apply(), which sends a typed command to the simulation.
import { createStore } from 'zustand/vanilla';
import { getBuiltInScenario, type Command, type Frame, type Scenario } from '../sim/index';
import { furthest, type LabReply, type Replay, type SimPort } from '../worker/labProtocol';
import { beyondHorizon, isBeyondHorizon } from '../share/horizon';
import { stoppedEarly } from './catchUpText';
import { createViewCadence } from './viewCadence';
import { createTrafficFeed } from './traffic';
import { createDemoTools } from './demoTools';
import { absorbFrame, bounded, freshRun } from './freshRun';
import { describeFork, forkNow } from './fork';
import { MARK_HISTORY, STEP_MS, type AppActions, type AppState, type AppStore } from './appState';

// The store's types and limits live in appState.ts; they are re-exported here for convenience.
export {
  EVENT_HISTORY,
  MARK_HISTORY,
  SHOW_MS,
  SPEEDS,
  STEP_MS,
  WINDOW_HISTORY,
  type AppActions,
  type AppState,
  type AppStore,
  type FaultMark,
  type MenuTarget,
  type Shown,
} from './appState';
export { describeForScreenReader, FAULT_TYPES } from './announce';

/**
 * The clock shows tenths of a simulated second, so while playing, a request for less than that
 * only costs messages and renders: at 1x one request every sixth frame instead of every frame.
 * Slow speeds still ask about every 100 ms of wall time.
 */
const MIN_ASK_MS = 100;

export function createAppStore(port: SimPort, scenarioId = 'default', seed = 1): AppStore {
  let requestId = 0;
  let stepQueued = false;
  let wanted = { untilMs: 0, maxEvents: 0 };
  /** Advance requests the worker has not answered yet: up to two while playing, so it never idles. */
  let inFlight = 0;
  let requestedMs = 0;
  const MAX_IN_FLIGHT = 2;
  const sent = new Map<number, { command: Command; label: string }>();
  const store = createStore<AppState>()((set, get) => {
    /** `keepView`: a seek in the same run's history; the picture stays until the rebuilt one arrives. */
    const start = (scenario: Scenario, newSeed: number, replay?: Replay, keepView = false): void => {
      const furthestMs = replay && furthest(replay);
      if (furthestMs !== undefined && isBeyondHorizon(furthestMs)) {
        // The fresh scenario opens instead, so the lab stays usable beside the message.
        start(scenario, newSeed);
        return set({ commandError: beyondHorizon('This run', furthestMs) });
      }
      const runId = get().runId + 1;
      stepQueued = false;
      wanted = { untilMs: 0, maxEvents: 0 };
      inFlight = 0;
      requestedMs = 0;
      const { topology, frame, shown } = get();
      set({
        ...freshRun(scenario, newSeed, runId),
        ...(keepView && { topology, frame, shown, clockMs: get().clockMs }),
        // A rebuild of this run (a seek, an undo) keeps the replaced branch; a new run forgets it.
        ...(!keepView && { fork: null }),
        commandLog: replay?.commands ?? [],
        pending: true,
      });
      port.post({ type: 'load', runId, scenario, seed: newSeed, ...(replay && { replay }) });
    };
    // Undo rebuilds like a seek: the picture stays until the rebuilt run arrives.
    const demoTools = createDemoTools(
      () => store,
      (replay) => start(get().scenario, get().seed, replay, true),
    );
    /** The replaced branch kept for Undo when playing or acting forks the run (nothing otherwise). */
    const forkFromPast = (byCommand: boolean): Partial<AppState> => {
      const fork = forkNow(get(), byCommand);
      return fork ? { fork, announcement: `${describeFork(fork)} Undo brings it back.` } : {};
    };
    const actions: AppActions = {
      loadScenario: (id) => {
        const scenario = getBuiltInScenario(id);
        if (!scenario) return set({ simError: `Unknown scenario "${id}".` });
        start(scenario, get().seed);
      },
      startRun: (scenario, newSeed, replay) => start(scenario, newSeed, replay),
      openExperiment: ({ scenario, seed: newSeed, commands, atMs }) => {
        set({ playing: false });
        start(scenario, newSeed, { commands, untilMs: atMs });
      },
      setSeed: (s) => start(get().scenario, s),
      reset: () => start(get().scenario, get().seed),
      // Playing from an earlier moment forks: the branch's later commands are dropped.
      play: () => set({ playing: true, past: null, ...forkFromPast(false) }),
      seek: (timeMs) => {
        const s = get();
        const branch = s.past ?? { commands: s.commandLog, endMs: s.frame?.timeMs ?? 0 };
        const t = Math.min(Math.max(0, timeMs), branch.endMs);
        if (isBeyondHorizon(t)) return set({ commandError: beyondHorizon('Going to that moment', t) });
        set({ playing: false });
        const commands = branch.commands.filter((c) => c.atMs <= t);
        start(s.scenario, s.seed, { commands, untilMs: t }, true);
        set({ past: t < branch.endMs ? branch : null });
      },
      pause: () => {
        set({ playing: false });
        views.refresh(true);
      },
      togglePlay: () => (get().playing ? actions.pause() : actions.play()),
      step: () => {
        // In the past, Step walks forward through the recorded branch instead of forking it.
        if (get().past) {
          const at = get().frame?.timeMs;
          if (at !== undefined && !get().pending) actions.seek(at + STEP_MS);
          return;
        }
        const { frame, pending } = get();
        set({ playing: false });
        // While a request is in flight, the step waits for its reply, then starts from there.
        if (!frame || pending) {
          stepQueued = true;
          return;
        }
        actions.advanceTo(limited(frame.timeMs + STEP_MS), Number.POSITIVE_INFINITY);
      },
      setSpeed: (speed) => set({ speed }),
      setStopAt: (stopAtMs) => set({ stopAtMs }),
      advanceTo: (untilMs, maxEvents) => {
        if (inFlight > 0) return;
        send(untilMs, maxEvents);
      },
      want: (wantMs, maxEvents) => {
        const untilMs = limited(wantMs);
        wanted = { untilMs, maxEvents };
        const { frame, playing } = get();
        if (playing && frame && !stepQueued && inFlight < MAX_IN_FLIGHT && worthAsking(untilMs))
          send(untilMs, maxEvents);
      },
      apply: (command, label) => {
        if (get().past) set({ past: null, ...forkFromPast(true) }); // acting in the past forks the run there
        const id = ++requestId;
        sent.set(id, { command, label });
        port.post({ type: 'command', runId: get().runId, requestId: id, command });
      },
      select: (id, additive) => {
        const selected = get().selected;
        if (!additive) return set({ selected: [id] });
        set({ selected: selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id] });
      },
      clearSelection: () => set({ selected: [] }),
      openMenu: (menu) => set({ menu }),
      closeMenu: () => set({ menu: null }),
      inspect: (inspected) => set({ inspected }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      dismissError: () => set({ commandError: null, simError: null }),
      showProblem: (message) => set({ commandError: message }),
      healEverything: () => demoTools.healEverything(),
      undoLastAction: () => demoTools.undoLastAction(),
      followRequests: (everyN) => port.post({ type: 'watch', runId: get().runId, everyN }),
      traceRequest: (wish) => {
        set({ trace: wish ? { status: 'searching', wish } : null });
        port.post({ type: 'trace', runId: get().runId, wish });
      },
      cancelCatchUp: () => {
        if (!get().pending) return;
        stepQueued = false;
        set({ playing: false });
        port.post({ type: 'cancel', runId: get().runId });
      },
    };
    const scenario = getBuiltInScenario(scenarioId) ?? (getBuiltInScenario('default') as Scenario);
    queueMicrotask(() => start(scenario, seed));
    return {
      ...freshRun(scenario, seed, 0),
      fork: null,
      announcement: '',
      playing: false,
      speed: 1,
      pending: false,
      stopAtMs: null,
      helpOpen: false,
      traffic: createTrafficFeed(),
      actions,
    };
  });
  const views = createViewCadence(store);

  /** A time clamped to the stop set by a lesson, if any. */
  const limited = (timeMs: number): number => {
    const stop = store.getState().stopAtMs;
    return stop === null ? timeMs : Math.min(timeMs, Math.max(stop, store.getState().frame?.timeMs ?? 0));
  };

  const absorb = (frame: Frame): Partial<AppState> => absorbFrame(store.getState(), frame);

  /** Whether playing on to untilMs deserves a request now (see MIN_ASK_MS); a lesson's stop always does. */
  function worthAsking(untilMs: number): boolean {
    if (untilMs <= requestedMs) return false;
    const { speed, stopAtMs } = store.getState();
    return untilMs - requestedMs >= MIN_ASK_MS * Math.min(1, speed) || untilMs === stopAtMs;
  }

  function send(untilMs: number, maxEvents: number): void {
    inFlight++;
    requestedMs = Math.max(requestedMs, untilMs);
    if (!store.getState().pending) store.setState({ pending: true });
    port.post({ type: 'advance', runId: store.getState().runId, untilMs, maxEvents });
  }

  port.onReply((reply: LabReply) => {
    const before = store.getState();
    if (reply.runId !== before.runId) return;
    if (reply.type === 'frame' || reply.type === 'error') inFlight = Math.max(0, inFlight - 1);
    // The worker drops the advances that waited behind a cancelled one.
    if (reply.type === 'frame' && reply.cancelled) inFlight = 0;
    // An advance may stop short of its time (its event budget ran out, as in a stampede of retries):
    // with nothing else asked, the time it reached is where the next ask starts, or playback held
    // at a stop time (a lesson's) would never be asked to reach it.
    if (reply.type === 'frame' && inFlight === 0) requestedMs = Math.min(requestedMs, reply.frame.timeMs);
    if (reply.type !== 'progress' && before.catchUp) store.setState({ catchUp: null });
    // While playing, ask for the next stretch before drawing this one, so the worker simulates
    // while the page renders instead of waiting for it.
    if (
      reply.type === 'frame' &&
      before.playing &&
      !stepQueued &&
      inFlight < MAX_IN_FLIGHT &&
      worthAsking(wanted.untilMs)
    ) {
      send(wanted.untilMs, wanted.maxEvents);
    }
    handleReply(reply);
    const after = store.getState();
    if (after.playing && after.stopAtMs !== null && after.frame && after.frame.timeMs >= after.stopAtMs)
      after.actions.pause();
    views.refresh(reply.type !== 'frame');
    if (inFlight > 0 && !store.getState().pending) store.setState({ pending: true });
    const s = store.getState();
    if (stepQueued && !s.pending && s.frame) {
      stepQueued = false;
      s.actions.advanceTo(limited(s.frame.timeMs + STEP_MS), Number.POSITIVE_INFINITY);
    } else if (s.playing && s.frame && inFlight < MAX_IN_FLIGHT && worthAsking(wanted.untilMs)) {
      send(wanted.untilMs, wanted.maxEvents);
    }
  });

  function handleReply(reply: LabReply): void {
    const s = store.getState();
    if (reply.runId !== s.runId) return;
    switch (reply.type) {
      case 'loaded':
        return store.setState({
          topology: reply.topology,
          ...absorb(reply.frame),
          pending: false,
          ...(reply.cancelled && {
            commandLog: s.commandLog.slice(0, reply.cancelled.commandsApplied),
            commandError: stoppedEarly('replay', reply.frame.timeMs),
          }),
        });
      case 'trace':
        return store.setState({ trace: { status: 'found', trace: reply.trace } });
      case 'frame':
        if (reply.traffic) s.traffic.publish(reply.traffic, reply.frame.timeMs);
        // The next request may already be out (see onReply): one update says so, not two.
        return store.setState({
          ...absorb(reply.frame),
          pending: inFlight > 0,
          ...(reply.cancelled && { commandError: stoppedEarly('catchUp', reply.frame.timeMs) }),
        });
      case 'progress':
        return store.setState({ catchUp: { task: reply.task, doneShare: reply.doneShare } });
      case 'commandResult': {
        const request = sent.get(reply.requestId);
        const label = request?.label ?? 'command';
        sent.delete(reply.requestId);
        if (!reply.ok)
          return store.setState({ ...absorb(reply.frame), commandError: `${label}: ${reply.error ?? 'rejected'}` });
        return store.setState({
          ...absorb(reply.frame),
          commandError: null,
          marks: bounded(s.marks, [{ timeMs: reply.atMs, label }], MARK_HISTORY),
          ...(request && { commandLog: [...s.commandLog, { atMs: reply.atMs, command: request.command }] }),
          menu: null,
        });
      }
      case 'error':
        return store.setState({ simError: reply.message, pending: false, playing: false });
      default: {
        const never: never = reply;
        return never;
      }
    }
  }
  return store;
}
