// Opens the Share dialog from the header.
import { useState } from 'react';
import { ShareDialog } from './ShareDialog';

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="share-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      <ShareDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
