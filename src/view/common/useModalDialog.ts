// A native modal <dialog> driven by an `open` flag: showModal() moves focus in and makes the page
// behind inert, Escape closes it, and focus goes back to whatever opened it. `onOpen` runs as it
// opens (e.g. to take a snapshot of what the dialog shows).
import { useCallback, useEffect, useRef } from 'react';

export function useModalDialog(open: boolean, onOpen?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      onOpenRef.current?.();
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  /** Call from the dialog's onClose. */
  const restoreFocus = useCallback(() => {
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, []);
  const close = useCallback(() => ref.current?.close(), []);
  return { ref, restoreFocus, close };
}
