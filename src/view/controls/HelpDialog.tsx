// The keyboard-shortcut help: a native modal <dialog>, so focus moves into it, the page behind
// is inert, Escape closes it, and focus goes back to whatever opened it. Whether it is open is
// view state in the store (the "?" key and the Help button both set it).
import { useModalDialog } from '../common/useModalDialog';
import { selectActions, selectHelpOpen } from '../../store/selectors';
import { useApp } from '../../store/context';
import { HELP_ROWS } from './shortcuts';
import './helpDialog.css';
import { DialogHead } from '../common/DialogHead';
import { DialogBoundary } from '../common/DialogBoundary';

function Keys({ shown }: { readonly shown: readonly string[] }) {
  return (
    <>
      {shown.map((key, i) => (
        <span key={key}>
          {i > 0 && ' or '}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

export function HelpDialog() {
  const open = useApp(selectHelpOpen);
  const actions = useApp(selectActions);
  return (
    <DialogBoundary what="The help" part="help" open={open} onClose={() => actions.setHelpOpen(false)}>
      <HelpContent open={open} />
    </DialogBoundary>
  );
}

function HelpContent({ open }: { readonly open: boolean }) {
  const actions = useApp(selectActions);
  const { ref: dialogRef, restoreFocus, close: closeDialog } = useModalDialog(open);

  const onClose = () => {
    actions.setHelpOpen(false);
    restoreFocus();
  };

  return (
    <dialog ref={dialogRef} className="modal help-dialog" aria-labelledby="help-title" onClose={onClose}>
      <DialogHead id="help-title" title="Keyboard shortcuts" onClose={closeDialog} />
      <table className="help-keys">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {HELP_ROWS.map((s) => (
            <tr key={s.description}>
              <td>
                <Keys shown={s.shown} />
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>How to use the lab</h3>
      <p>
        Press <strong>Play</strong> and watch the charts. To break something, click a node or link in the cluster
        picture (or Tab into it, move with the arrow keys or <kbd>L</kbd> and press <kbd>Enter</kbd>) and choose an
        action such as crash, slow down or partition. Shift-click several nodes to select a group and cut it off from
        the rest. Faults of the whole cluster, the load and the policies (replication, timeouts, retries, load
        balancing) are in the panels below. Every fault is marked on the charts and listed in the event log; the same
        scenario, seed and actions always give the same run.
      </p>
    </dialog>
  );
}
