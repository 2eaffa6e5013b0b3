// A finished sweep: the chance of losing data and the SLO met, each with its 95% interval in words,
// then one histogram per figure with the current run marked, a link that reruns the sweep, and the
// rows and summary as files.
import { useMemo, useState } from 'react';
import type { Experiment } from '../../share/experiment';
import { exportFileName } from '../../share/fileNames';
import { rowsCsv, rowsOf, type SweepOutput } from '../../sweep/sweepOutput';
import { downloadText } from '../share/download';
import { SweepHistogram } from './SweepHistogram';
import { MAX_LINK_CHARS } from '../../share/link';
import { sweepFragment } from './sweepLink';
import {
  count,
  currentRunRow,
  dataLostMeaning,
  elapsedText,
  figuresOf,
  lossSentence,
  seedsWord,
  sloSentence,
} from './sweepModel';

export interface SweepResultsProps {
  readonly output: SweepOutput;
  readonly experiment: Experiment;
  readonly elapsedMs: number;
  readonly onOpenSeed: (seed: number) => void;
}

/** A file's name for this sweep, like the lab's other exports (the experiment's run and moment). */
export function sweepFileName(output: SweepOutput, experiment: Experiment, ext: 'csv' | 'json'): string {
  const what = `sweep-${output.seeds.from}-${output.seeds.to}-${output.mode}`;
  return exportFileName({
    scenarioId: experiment.scenario.id,
    seed: output.experiment.seed,
    timeMs: output.durationMs,
    what,
    ext,
  });
}

export function SweepResults({ output, experiment, elapsedMs, onOpenSeed }: SweepResultsProps) {
  const summary = output.summary;
  const rows = useMemo(() => rowsOf(output), [output]);
  const thisRun = useMemo(() => currentRunRow(output), [output]);
  const [status, setStatus] = useState('');
  if (!summary) return null;
  const figures = figuresOf(summary, output.mode);
  const url = new URL(window.location.href);
  url.hash = sweepFragment(experiment, output);
  const link = url.hash.length - 3 <= MAX_LINK_CHARS ? url.toString() : null;
  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied.');
    } catch {
      setStatus('Copying is not allowed here: select the link and copy it yourself.');
    }
  };
  return (
    <section className="sweep-results" aria-labelledby="sweep-results-title">
      <h3 id="sweep-results-title" tabIndex={-1}>
        {seedsWord(summary.seeds)} ({count(output.seeds.from)} to {count(output.seeds.to)}) in {elapsedText(elapsedMs)}
      </h3>
      <p className="sweep-headline" data-testid="sweep-headline">
        {lossSentence(summary.dataLost, output.mode)}.
      </p>
      <p className="sweep-hint">Data lost here means {dataLostMeaning(output.mode)}.</p>
      {output.mode === 'requests' && (
        <p data-testid="sweep-slo">{sloSentence(summary.sloMet, experiment.scenario.slo)}.</p>
      )}
      {summary.seedsWithRefusals > 0 && (
        <p className="sweep-hint">
          In {seedsWord(summary.seedsWithRefusals)} some of your actions could not apply (another future had already
          broken or healed what they act on); those seeds ran on without them. The lab replays a run with every action,
          so opening one of those seeds stops at the first action it refuses.
        </p>
      )}
      <p className="sweep-hint">
        {thisRun
          ? `This run (seed ${thisRun.seed}) is marked “this run” in each histogram.`
          : `This run (seed ${output.experiment.seed}) is outside the seeds swept, so it is not marked.`}{' '}
        Each bar is a button that opens its lowest seed in the lab (Tab reaches a histogram, the arrow keys its other
        bars).
      </p>
      <div className="sweep-figures">
        {figures.map((figure) => (
          <SweepHistogram key={figure.id} figure={figure} thisRun={thisRun} onOpenSeed={onOpenSeed} />
        ))}
      </div>
      <h3 className="share-subtitle">Share and export</h3>
      {link ? (
        <div className="share-row">
          <label htmlFor="sweep-link">Link that reruns this sweep</label>
          <input id="sweep-link" readOnly value={link} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
      ) : (
        <p className="share-warning">
          This experiment has too many actions for a link ({count(MAX_LINK_CHARS)} characters at most); the JSON file
          holds the whole sweep.
        </p>
      )}
      <div className="share-files">
        <button
          type="button"
          onClick={() => downloadText(sweepFileName(output, experiment, 'csv'), rowsCsv(rows), 'text/csv')}
        >
          Seeds (CSV)
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(sweepFileName(output, experiment, 'json'), JSON.stringify(output, null, 2), 'application/json')
          }
        >
          Sweep (JSON)
        </button>
      </div>
      <p className="share-status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
