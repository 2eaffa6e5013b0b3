// Compare (A/B): the current run (A) against the same scenario, seed and actions with one policy
// changed (B), both replayed to the same moment, with their figures on shared axes.
import { useState } from 'react';
import { useModalDialog } from '../common/useModalDialog';
import { changesFor, type ComparisonResult, type RunFigures } from '../../compare/comparison';
import { useApp, useAppStore } from '../../store/context';
import { CompareChart } from './CompareChart';
import { RunPicture } from './RunPicture';
import { runComparison } from './runComparison';
import './compare.css';
import { DialogHead } from '../common/DialogHead';
import { DialogBoundary, type DialogProps } from '../common/DialogBoundary';

const pct = (v: number) => `${(v * 100).toFixed(v > 0.99 && v < 1 ? 2 : 1)}%`;
const ms = (v: number) => `${v >= 100 ? Math.round(v) : Number(v.toPrecision(3))} ms`;

const count = (v: number | undefined) => (v === undefined ? '–' : v.toLocaleString('en-US'));
const seconds = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(1)} s`);

interface Row {
  readonly label: string;
  readonly value: (r: RunFigures) => string;
  /** Shown only when the run has what the row reads (its log, index or groups). */
  readonly shown?: (r: RunFigures) => boolean;
}

const hasLog = (r: RunFigures) => r.frame.pipeline?.log != null;
const hasIndex = (r: RunFigures) => r.frame.pipeline?.index != null;
const groupOf = (r: RunFigures, role: string) => r.frame.pipeline?.groups.find((g) => g.role === role);

/** The data pipeline's figures at the end of each run. */
const PIPELINE_ROWS: readonly Row[] = [
  {
    label: 'Log events lost (acknowledged)',
    value: (r) => count(r.frame.pipeline?.log?.acknowledgedLost),
    shown: hasLog,
  },
  { label: 'Changes the log refused', value: (r) => count(r.frame.pipeline?.log?.changesMissed), shown: hasLog },
  {
    label: 'Index staleness at the end',
    value: (r) => seconds(r.frame.pipeline?.index?.stalenessSeconds),
    shown: hasIndex,
  },
  {
    label: 'Searches that missed a write',
    value: (r) => count(r.frame.pipeline?.index?.searchesMissedWrite),
    shown: hasIndex,
  },
  {
    label: 'Notifier lag at the end',
    value: (r) => `${count(groupOf(r, 'notifier')?.lagEvents)} events`,
    shown: (r) => groupOf(r, 'notifier') !== undefined,
  },
  {
    label: 'Duplicates delivered',
    value: (r) => count(r.frame.pipeline?.groups.reduce((sum, g) => sum + g.duplicates, 0)),
    shown: (r) => (r.frame.pipeline?.groups.length ?? 0) > 0,
  },
];

const ROWS: readonly Row[] = [
  { label: 'Availability', value: (r) => pct(r.cumulative.availability) },
  { label: 'p50 latency', value: (r) => ms(r.cumulative.latencyMs.p50) },
  { label: 'p99 latency', value: (r) => ms(r.cumulative.latencyMs.p99) },
  { label: 'p99.9 latency', value: (r) => ms(r.cumulative.latencyMs.p999) },
  { label: 'Requests failed', value: (r) => r.cumulative.failed.toLocaleString('en-US') },
  {
    label: 'Attempts per request',
    value: (r) => (r.cumulative.issued > 0 ? (r.cumulative.attempts / r.cumulative.issued).toFixed(2) : '–'),
  },
  { label: 'Acknowledged writes lost', value: (r) => r.durability.ackedWritesLost.toLocaleString('en-US') },
  ...PIPELINE_ROWS,
];

export function CompareDialog({ open, onClose }: DialogProps) {
  return (
    <DialogBoundary what="The Compare dialog" part="compare" open={open} onClose={onClose}>
      <CompareContent open={open} onClose={onClose} />
    </DialogBoundary>
  );
}

function CompareContent({ open, onClose }: DialogProps) {
  const store = useAppStore();
  const scenario = useApp((s) => s.scenario);
  const changes = changesFor(scenario);
  const [changeId, setChangeId] = useState(changes[0]?.id ?? '');
  const [result, setResult] = useState<ComparisonResult | null>(null);
  const [running, setRunning] = useState(false);
  const [bLabel, setBLabel] = useState('');

  const {
    ref: dialogRef,
    restoreFocus,
    close: closeDialog,
  } = useModalDialog(open, () => store.getState().actions.pause());
  const close = () => {
    onClose();
    restoreFocus();
  };

  const run = async () => {
    const s = store.getState();
    const choice = changes.find((c) => c.id === changeId);
    if (!choice) return;
    setRunning(true);
    setResult(null);
    setBLabel(choice.label);
    const untilMs = s.frame?.timeMs ?? 0;
    const change = choice.change(s.scenario.policy);
    const parts = { ...(choice.log && { log: choice.log }), ...(choice.index && { index: choice.index }) };
    const request = { scenario: s.scenario, seed: s.seed, commands: s.commandLog, untilMs, change, ...parts };
    setResult(await runComparison(request));
    setRunning(false);
  };

  const atS = ((store.getState().frame?.timeMs ?? 0) / 1000).toFixed(1);
  return (
    <dialog ref={dialogRef} className="modal compare-dialog" aria-labelledby="compare-title" onClose={close}>
      <DialogHead id="compare-title" title="Compare two policies" onClose={closeDialog} />
      <p>
        Run A is this run. Run B is the same cluster, seed and actions (the same users and the same faults at the same
        moments) with one policy changed for the whole run, even where your actions changed that setting. Both run to t
        = {atS} s.
      </p>
      <div className="compare-controls">
        <label htmlFor="compare-change">Run B changes</label>
        <select id="compare-change" value={changeId} onChange={(e) => setChangeId(e.target.value)}>
          {changes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => void run()} disabled={running}>
          {running ? 'Running both…' : 'Compare'}
        </button>
      </div>
      <div aria-live="polite">
        {result && !result.ok && (
          <p className="share-warning" role="alert">
            The comparison could not run: {result.error}
          </p>
        )}
        {result?.ok && (
          <>
            <table className="compare-table">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col">A: as run</th>
                  <th scope="col">B: {bLabel}</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.filter((row) => row.shown?.(result.a) ?? true).map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td data-run="a">{row.value(result.a)}</td>
                    <td data-run="b">{row.value(result.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {/* Drawn only while open: closed, the pictures would sit in the page as a second copy. */}
            {open && (
              <section className="run-pictures" aria-labelledby="run-pictures-title">
                <h3 id="run-pictures-title">The cluster at t = {atS} s</h3>
                <div className="run-pictures-pair">
                  <RunPicture run="a" label="A: as run." topology={result.topology} frame={result.a.frame} />
                  <RunPicture run="b" label={`B: ${bLabel}.`} topology={result.topology} frame={result.b.frame} />
                </div>
              </section>
            )}
            <p className="compare-legend">
              <span className="compare-key is-a" aria-hidden="true" /> A: as run{' '}
              <span className="compare-key is-b" aria-hidden="true" /> B: {bLabel}
            </p>
            <CompareChart
              title="p99 latency per second (log scale)"
              a={result.a.windows}
              b={result.b.windows}
              value={(w) => (w.latencyMs.count > 0 ? w.latencyMs.p99 : null)}
              log
              format={ms}
            />
            <CompareChart
              title="Availability per second"
              a={result.a.windows}
              b={result.b.windows}
              value={(w) => w.availability}
              format={pct}
            />
            <CompareChart
              title="Requests served per second"
              a={result.a.windows}
              b={result.b.windows}
              value={(w) => w.servedRps}
              format={(v) => `${Math.round(v)}`}
            />
          </>
        )}
      </div>
    </dialog>
  );
}
