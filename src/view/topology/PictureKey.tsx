// The picture's key (node and link marks, moving requests) in a disclosure: open on screens with
// room for it, folded on a phone so the figures come into view sooner.
import { useState, type ReactNode } from 'react';

const NARROW = '(max-width: 600px)';

export function PictureKey({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(() => typeof matchMedia === 'undefined' || !matchMedia(NARROW).matches);
  return (
    <details className="picture-key" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Key</summary>
      {children}
    </details>
  );
}
