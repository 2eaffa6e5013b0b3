// An error boundary for a modal dialog. A dialog that fails while open shows its message in a
// small dialog of its own (so it is seen, on top, like the dialog would have been) with Redraw and
// Close; closing it and opening the dialog again also tries afresh.
import { useRef, type ReactNode } from 'react';
import { DialogHead } from './DialogHead';
import { ErrorBoundary, PartFailed, type FallbackProps } from './ErrorBoundary';
import { useModalDialog } from './useModalDialog';

/** What a dialog's owner passes it: whether it is open, and how to close it. */
export interface DialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

interface DialogBoundaryProps {
  /** What failed, e.g. "The list of lessons". */
  readonly what: string;
  readonly part: string;
  readonly open: boolean;
  /** Closes the dialog (sets its open flag to false). */
  readonly onClose: () => void;
  readonly children: ReactNode;
}

export function DialogBoundary({ what, part, open, onClose, children }: DialogBoundaryProps) {
  return (
    <ErrorBoundary
      what={what}
      part={part}
      active={open}
      fallback={(props) => (open ? <DialogFailed {...props} part={part} onClose={onClose} /> : null)}
    >
      {children}
    </ErrorBoundary>
  );
}

function DialogFailed({ part, onClose, redraw, ...rest }: FallbackProps & { part: string; onClose: () => void }) {
  const { ref, restoreFocus, close } = useModalDialog(true);
  // Redraw replaces this dialog with the real one; its closing then is not the learner's Close.
  const redrawing = useRef(false);
  const titleId = `${part}-failed-title`;
  return (
    <dialog
      ref={ref}
      className="modal part-failed-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        if (redrawing.current) return;
        onClose();
        restoreFocus();
      }}
    >
      <DialogHead id={titleId} title="Something went wrong" onClose={close} />
      <PartFailed
        {...rest}
        redraw={() => {
          redrawing.current = true;
          redraw();
        }}
      />
    </dialog>
  );
}
