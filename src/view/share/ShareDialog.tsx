// "Share": a link that rebuilds this exact run (same cluster, seed and actions, up to the same
// moment), the run's fingerprint to compare, and the same experiment as a JSON file to save or
// open. Opening it pauses playback, so the link describes one moment.
import { useState, type ChangeEvent } from 'react';
import { useModalDialog } from '../common/useModalDialog';
import { toData } from '../../share/experiment';
import { hours, INTERACTIVE_HORIZON_MS, isBeyondHorizon } from '../../share/horizon';
import { experimentFragment, MAX_LINK_CHARS, parseExperimentJson } from '../../share/link';
import { useAppStore } from '../../store/context';
import { currentExperiment } from './currentExperiment';
import { downloadText } from './download';
import { ExportSection, fileName, type ExportMoment } from './ExportSection';
import './share.css';
import { DialogHead } from '../common/DialogHead';
import { DialogBoundary, type DialogProps } from '../common/DialogBoundary';

/** An iframe for the same experiment in embed mode (minimal chrome, fits its container). */
export function embedSnippet(link: string): string {
  const url = new URL(link);
  url.search = '?embed';
  return `<iframe src="${url.toString()}" title="Faultline experiment" width="100%" height="640" style="border:0" allow="fullscreen" loading="lazy"></iframe>`;
}

interface Shared {
  readonly url: string | null;
  /** The run and moment every file saved from the dialog is named for. */
  readonly moment: ExportMoment;
  readonly json: string;
  readonly hash: string;
  readonly atMs: number;
  readonly actions: number;
}

export function ShareDialog({ open, onClose }: DialogProps) {
  return (
    <DialogBoundary what="The Share dialog" part="share" open={open} onClose={onClose}>
      <ShareContent open={open} onClose={onClose} />
    </DialogBoundary>
  );
}

function ShareContent({ open, onClose }: DialogProps) {
  const store = useAppStore();
  const [shared, setShared] = useState<Shared | null>(null);
  const [status, setStatus] = useState('');
  // Opening pauses the lab and takes the link of that one moment.
  const {
    ref: dialogRef,
    restoreFocus,
    close: closeDialog,
  } = useModalDialog(open, () => {
    const s = store.getState();
    s.actions.pause();
    const experiment = currentExperiment(s);
    const fragment = experimentFragment(experiment);
    const url = new URL(window.location.href);
    url.hash = fragment;
    const link = fragment.length - 3 <= MAX_LINK_CHARS ? url.toString() : null;
    setShared({
      url: link,
      moment: { scenarioId: s.scenario.id, scenarioName: s.scenario.name, seed: s.seed, atMs: experiment.atMs, link },
      json: JSON.stringify(toData(experiment), null, 2),
      hash: s.frame?.logHash ?? '',
      atMs: experiment.atMs,
      actions: experiment.commands.length,
    });
    setStatus('');
  });
  const close = () => {
    onClose();
    restoreFocus();
  };

  const copy = async () => {
    if (!shared?.url) return;
    try {
      await navigator.clipboard.writeText(shared.url);
      setStatus('Link copied.');
    } catch {
      setStatus('Copying is not allowed here: select the link and copy it yourself.');
    }
  };

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 1_000_000) return setStatus(`${file.name} is too large to be an experiment.`);
    const result = parseExperimentJson(await file.text());
    if (!result.ok) return setStatus(`${file.name} could not be opened: ${result.error}`);
    store.getState().actions.openExperiment(result.experiment);
    onClose();
  };

  return (
    <dialog ref={dialogRef} className="modal share-dialog" aria-labelledby="share-title" onClose={close}>
      <DialogHead id="share-title" title="Share this run" onClose={closeDialog} />
      {shared && (
        <>
          <p>
            The link rebuilds this run exactly: the same cluster and seed, your {shared.actions}{' '}
            {shared.actions === 1 ? 'action' : 'actions'} at the same moments, up to t ={' '}
            {(shared.atMs / 1000).toFixed(1)} s.
          </p>
          {shared.url ? (
            <div className="share-row">
              <label htmlFor="share-link">Link to this run</label>
              <input id="share-link" readOnly value={shared.url} onFocus={(e) => e.target.select()} />
              <button type="button" className="primary" onClick={() => void copy()}>
                Copy link
              </button>
            </div>
          ) : (
            <p className="share-warning" role="alert">
              This run has too many actions for a link ({MAX_LINK_CHARS.toLocaleString('en-US')} characters at most).
              Save it as a file instead.
            </p>
          )}
          {isBeyondHorizon(shared.atMs) && (
            <p className="share-warning" role="alert">
              This run goes past the {hours(INTERACTIVE_HORIZON_MS, 'simulated ')} the lab replays by itself, so the lab
              will refuse this link and file. To run it again, save it as a file and run{' '}
              <code>npm run sim -- {fileName(shared.moment, 'experiment', 'json')}</code>.
            </p>
          )}
          <p className="share-status" aria-live="polite">
            {status}
          </p>
          <p>
            Run fingerprint (the event-log hash; equal fingerprints mean identical runs):{' '}
            <code data-testid="run-hash">{shared.hash}</code>
          </p>
          <div className="share-files">
            <button
              type="button"
              onClick={() =>
                downloadText(fileName(shared.moment, 'experiment', 'json'), shared.json, 'application/json')
              }
            >
              Save as file
            </button>
            <label className="share-open">
              Open a saved file
              <input type="file" accept="application/json,.json" onChange={(e) => void openFile(e)} />
            </label>
          </div>
          {shared.url && (
            <>
              <h3 className="share-subtitle">Embed in a page</h3>
              <label htmlFor="share-embed">Paste this into a web page to show this experiment there:</label>
              <textarea
                id="share-embed"
                className="share-snippet"
                readOnly
                value={embedSnippet(shared.url)}
                onFocus={(e) => e.target.select()}
              />
            </>
          )}
          <ExportSection moment={shared.moment} onStatus={setStatus} />
        </>
      )}
    </dialog>
  );
}
