// The "Run many seeds" panel's state: whether it is open, and the sweep it shows (set up, running
// with its progress, done with its output, cancelled or failed). One per lab store, outside the
// lab's store and the simulation; the work runs in the sweep's worker pool (src/sweep/browserPool).
// A cancelled or failed sweep keeps nothing of its rows: only a sentence saying what happened.
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Experiment } from '../../share/experiment';
import { PoolCancelled, runSweepInBrowser, type BrowserSweepOptions } from '../../sweep/browserPool';
import type { SweepOutput } from '../../sweep/sweepOutput';
import type { SweepSpec } from '../../sweep/sweepSpec';
import type { AppStore } from '../../store/appState';
import { useAppStore } from '../../store/context';

export type SweepStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number; readonly elapsedMs: number }
  | { readonly kind: 'done'; readonly output: SweepOutput; readonly elapsedMs: number }
  | { readonly kind: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly error: string };

export interface SweepRunState {
  readonly open: boolean;
  /** The experiment and spec of the sweep shown (or last asked for); null before the first. */
  readonly experiment: Experiment | null;
  readonly spec: SweepSpec | null;
  readonly status: SweepStatus;
  /** Why a link's sweep could not run (its experiment opened anyway). */
  readonly linkProblem: string | null;
}

export type RunSweep = (spec: SweepSpec, options: BrowserSweepOptions) => Promise<SweepOutput>;

export interface SweepRunner {
  readonly view: StoreApi<SweepRunState>;
  setOpen(open: boolean): void;
  start(experiment: Experiment, spec: SweepSpec): void;
  cancel(): void;
  showLinkProblem(problem: string | null): void;
}

const INITIAL: SweepRunState = {
  open: false,
  experiment: null,
  spec: null,
  status: { kind: 'idle' },
  linkProblem: null,
};

/** `run` and `now` are the pool and the wall clock; tests pass their own. */
export function createSweepRunner(run: RunSweep = runSweepInBrowser, now = () => performance.now()): SweepRunner {
  const view = createStore<SweepRunState>()(() => INITIAL);
  let abort: AbortController | null = null;
  let runId = 0;

  const cancel = () => {
    abort?.abort();
    abort = null;
  };

  const start = (experiment: Experiment, spec: SweepSpec) => {
    cancel();
    const id = ++runId;
    const controller = new AbortController();
    abort = controller;
    const startedMs = now();
    const total = spec.seeds.to - spec.seeds.from + 1;
    const mine = () => id === runId;
    view.setState({ experiment, spec, status: { kind: 'running', done: 0, total, elapsedMs: 0 } });
    const onProgress = ({ done }: { done: number }) => {
      if (mine() && !controller.signal.aborted)
        view.setState({ status: { kind: 'running', done, total, elapsedMs: now() - startedMs } });
    };
    run(spec, { onProgress, signal: controller.signal }).then(
      (output) => {
        if (mine()) view.setState({ status: { kind: 'done', output, elapsedMs: now() - startedMs } });
      },
      (error: unknown) => {
        if (!mine()) return;
        const status = view.getState().status;
        const done = status.kind === 'running' ? status.done : 0;
        view.setState({
          status:
            error instanceof PoolCancelled || controller.signal.aborted
              ? { kind: 'cancelled', done, total }
              : { kind: 'failed', error: error instanceof Error ? error.message : String(error) },
        });
      },
    );
  };

  return {
    view,
    setOpen: (open) => {
      // Closing stops a sweep in progress: nothing runs where nobody can see or cancel it.
      if (!open && view.getState().status.kind === 'running') cancel();
      view.setState({ open });
    },
    start,
    cancel,
    showLinkProblem: (linkProblem) => view.setState({ linkProblem }),
  };
}

const runners = new WeakMap<AppStore, SweepRunner>();

/** The sweep panel of this lab (one per lab store). */
export function sweepRunnerOf(store: AppStore): SweepRunner {
  let runner = runners.get(store);
  if (!runner) {
    runner = createSweepRunner();
    runners.set(store, runner);
  }
  return runner;
}

export function useSweep<T>(pick: (s: SweepRunState) => T): [T, SweepRunner] {
  const runner = sweepRunnerOf(useAppStore());
  const value = useSyncExternalStore(runner.view.subscribe, () => pick(runner.view.getState()));
  return [value, runner];
}
