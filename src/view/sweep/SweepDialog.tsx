// "Run many seeds": the lab's experiment over 100 to 10,000 seeds in background workers, with
// progress and Cancel, then the odds and spreads with this run marked. Always mounted (App.tsx),
// so a link with a `sweep` parameter can open it and start the sweep as the page loads.
import { useEffect, useState } from 'react';
import { decodeFragment } from '../../share/link';
import { useAppStore } from '../../store/context';
import { DialogBoundary } from '../common/DialogBoundary';
import { DialogHead } from '../common/DialogHead';
import { useModalDialog } from '../common/useModalDialog';
import { seedExperiment } from './sweepExperiment';
import { SweepForm } from './SweepForm';
import { readSweepParam, sweepParamOf } from './sweepLink';
import { count } from './sweepModel';
import { SweepProgress } from './SweepProgress';
import { SweepResults } from './SweepResults';
import { useSweep, type SweepRunner } from './sweepRun';
import './sweep.css';

/** Opens the panel and starts the sweep a link asks for; a bad `sweep` parameter is named there. */
function openFromHash(runner: SweepRunner, hash: string): void {
  const param = sweepParamOf(hash);
  if (param === null) return;
  const link = decodeFragment(hash);
  if (link === null || !link.ok) return; // the lab says what was wrong with the experiment
  const spec = readSweepParam(link.experiment, param);
  runner.setOpen(true);
  if (!spec.ok) {
    runner.showLinkProblem(`This link's sweep could not run: ${spec.error}. Its experiment opened without it.`);
    return;
  }
  runner.showLinkProblem(null);
  runner.start(link.experiment, spec.value);
}

const FOCUS_AFTER = {
  running: '.sweep-cancel',
  done: '#sweep-results-title',
  cancelled: '.sweep-form button[type="submit"]',
  failed: '.sweep-form button[type="submit"]',
} as const;

export function SweepDialog() {
  const [open, runner] = useSweep((s) => s.open);
  useEffect(() => {
    const onHash = () => openFromHash(runner, window.location.hash);
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [runner]);
  const close = () => runner.setOpen(false);
  return (
    <DialogBoundary what="The Run many seeds dialog" part="sweep" open={open} onClose={close}>
      <SweepContent open={open} runner={runner} />
    </DialogBoundary>
  );
}

function SweepContent({ open, runner }: { readonly open: boolean; readonly runner: SweepRunner }) {
  const store = useAppStore();
  const [state] = useSweep((s) => s);
  const [opened, setOpened] = useState(0);
  const { ref, restoreFocus, close } = useModalDialog(open, () => {
    store.getState().actions.pause();
    setOpened((n) => n + 1);
  });
  const onClose = () => {
    runner.setOpen(false);
    runner.showLinkProblem(null);
    restoreFocus();
  };
  const { status, spec, experiment } = state;
  // The Run button goes while a sweep runs, and Cancel when it ends: focus moves to what replaced
  // each, so the keyboard is never left on nothing.
  const kind = status.kind;
  useEffect(() => {
    const dialog = ref.current;
    if (kind === 'idle' || !dialog?.open) return;
    const selector = FOCUS_AFTER[kind];
    dialog.querySelector<HTMLElement>(selector)?.focus();
  }, [kind, ref]);
  const openSeed = (seed: number) => {
    if (!spec || !experiment) return;
    store.getState().actions.openExperiment(seedExperiment(experiment, spec, seed));
    close();
  };
  const actions = store.getState().commandLog.length;
  return (
    <dialog ref={ref} className="modal sweep-dialog" aria-labelledby="sweep-title" onClose={onClose}>
      {/* Closed, it holds nothing: its fields ("First seed") are not the lab's and must not be found as them. */}
      {open && (
        <>
          <DialogHead id="sweep-title" title="Run many seeds" onClose={close} />
          <p>
            One run shows one possible future. This runs the same experiment (this cluster and its policies
            {actionWords(actions)}) from many seeds: other request timings, other random faults. The odds come with
            their 95% interval.
          </p>
          {state.linkProblem && (
            <p className="share-warning" role="alert">
              {state.linkProblem}
            </p>
          )}
          {status.kind === 'running' ? (
            <SweepProgress
              done={status.done}
              total={status.total}
              elapsedMs={status.elapsedMs}
              onCancel={runner.cancel}
            />
          ) : (
            <SweepForm key={opened} last={spec} onRun={runner.start} />
          )}
          <div aria-live="polite" className="sweep-status">
            {status.kind === 'cancelled' && (
              <p data-testid="sweep-cancelled">
                The sweep was cancelled after {count(status.done)} of {count(status.total)} seeds; none of its results
                are kept.
              </p>
            )}
            {status.kind === 'failed' && (
              <p className="share-warning" role="alert">
                The sweep could not run: {status.error}
              </p>
            )}
            {status.kind === 'done' && experiment && (
              <SweepResults
                output={status.output}
                experiment={experiment}
                elapsedMs={status.elapsedMs}
                onOpenSeed={openSeed}
              />
            )}
          </div>
        </>
      )}
    </dialog>
  );
}

/** What of the learner's own the sweep repeats, after "this cluster and its policies". */
function actionWords(actions: number): string {
  if (actions === 0) return ', with no actions of yours';
  if (actions === 1) return ', and your one action at its moment';
  return `, and your ${count(actions)} actions at their moments`;
}
