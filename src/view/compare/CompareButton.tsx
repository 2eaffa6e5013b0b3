// Opens the A/B comparison for the current run.
import { useState } from 'react';
import { CompareDialog } from './CompareDialog';

export function CompareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="compare-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Compare with another policy…
      </button>
      <CompareDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
