// The picture's key (node and link marks, moving requests) in a disclosure: open on screens with
// room for it; folded on a phone, so the figures come into view sooner, and in projector mode,
// where the picture needs the room to draw its labels large.
import { useState, type ReactNode } from 'react';

const NARROW = '(max-width: 600px)';

function startsFolded(): boolean {
  if (typeof document !== 'undefined' && document.documentElement.dataset.theme === 'projector') return true;
  return typeof matchMedia !== 'undefined' && matchMedia(NARROW).matches;
}

export function PictureKey({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(() => !startsFolded());
  return (
    <details className="picture-key" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Key</summary>
      {children}
    </details>
  );
}
