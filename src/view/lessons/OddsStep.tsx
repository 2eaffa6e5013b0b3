// An odds step in the lab: "Run 1,000 seeds" sweeps each case in Web Workers (the page stays
// responsive, Cancel stops it), then a table sets the share of seeds that lost data, with its
// 95% interval, beside the Markov model's chance, saying in words whether the model is inside.
import { useEffect, useRef, useState } from 'react';
import type { FigureValues } from '../../lessons/figures';
import type { Lesson } from '../../lessons/lessonSchema';
import type { Odds, OddsCase } from '../../lessons/oddsSchema';
import { oddsCaseMeasured, oddsCaseModel, oddsCaseSpec, oddsCaseValues } from '../../lessons/oddsStep';
import { PoolCancelled, runSweepInBrowser } from '../../sweep/browserPool';
import { useLesson } from './lessonContext';
import { OddsTable } from './OddsTable';
import './odds.css';

const grouped = new Intl.NumberFormat('en-US');

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly caseIndex: number; readonly done: number }
  | { readonly state: 'stopped'; readonly message: string };

/** Whether every case of an odds step has its figures (its sweeps are done). */
export function oddsMeasured(odds: Odds | undefined, figures: FigureValues): boolean {
  return odds === undefined || odds.cases.every((c) => oddsCaseMeasured(c, figures));
}

interface OddsStepProps {
  readonly lesson: Lesson;
  readonly odds: Odds;
  /** A past step: the results as measured then, nothing to run. */
  readonly review: boolean;
}

export function OddsStep({ lesson, odds, review }: OddsStepProps) {
  const figures = useLesson((s) => s.figures);
  const recordOdds = useLesson((s) => s.actions.recordOdds);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // Leaving the step stops its sweep.
  useEffect(() => () => abort.current?.abort(), []);
  const { cancelRef, runRef, resultsRef } = useRunFocus(run);
  const done = oddsMeasured(odds, figures);
  const seeds = grouped.format(odds.seeds);
  const total = odds.seeds * odds.cases.length;

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    try {
      for (const [caseIndex, c] of odds.cases.entries()) {
        setRun({ state: 'running', caseIndex, done: caseIndex * odds.seeds });
        const output = await runSweepInBrowser(oddsCaseSpec(lesson, odds, c), {
          signal: controller.signal,
          onProgress: (p) => setRun({ state: 'running', caseIndex, done: caseIndex * odds.seeds + p.done }),
        });
        if (!output.summary) throw new Error('the sweep gave no summary');
        recordOdds(oddsCaseValues(c, output.summary.dataLost, oddsCaseModel(lesson, odds, c)));
      }
      setRun({ state: 'idle' });
    } catch (error) {
      const message =
        error instanceof PoolCancelled
          ? 'Stopped. Cases already run keep their results; run again for the rest.'
          : `The seeds could not be run: ${(error as Error).message}`;
      setRun({ state: 'stopped', message });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const running = run.state === 'running' ? run : null;
  const current: OddsCase | undefined = running ? odds.cases[running.caseIndex] : undefined;
  return (
    <section className="lesson-odds" aria-label="Odds over many seeds">
      {!review && !done && (
        <div className="lesson-odds-run">
          {running ? (
            <>
              <label className="lesson-odds-progress">
                <span>
                  Case {running.caseIndex + 1} of {odds.cases.length} ({current?.label}): {grouped.format(running.done)}{' '}
                  of {grouped.format(total)} seeds run
                </span>
                <progress max={total} value={running.done} aria-label="Seeds run" />
              </label>
              <button type="button" ref={cancelRef} onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="primary" ref={runRef} onClick={() => void start()}>
              Run {seeds} seeds
            </button>
          )}
          {run.state === 'stopped' && <p role="alert">{run.message}</p>}
        </div>
      )}
      <OddsTable odds={odds} figures={figures} resultsRef={resultsRef} />
      <p className="lesson-odds-status" aria-live="polite">
        {done &&
          !review &&
          (odds.cases.length === 1
            ? `Done: ${seeds} seeds.`
            : `Done: ${seeds} seeds for each of ${odds.cases.length} cases.`)}
      </p>
    </section>
  );
}

/**
 * Keeps keyboard focus with the sweep: Run hands it to Cancel, Cancel back to Run, and a finished
 * sweep to its results (the button pressed has gone each time, which would drop focus to the page).
 */
function useRunFocus(run: Run) {
  const cancel = useRef<HTMLButtonElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const results = useRef<HTMLElement>(null);
  const was = useRef<Run['state']>(run.state);
  useEffect(() => {
    const before = was.current;
    was.current = run.state;
    if (before === run.state) return;
    if (run.state === 'running') cancel.current?.focus();
    else if (run.state === 'stopped') runButton.current?.focus();
    else if (before === 'running') results.current?.focus();
  }, [run.state]);
  return { cancelRef: cancel, runRef: runButton, resultsRef: results };
}
