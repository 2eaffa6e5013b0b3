// The picture's key (node and link marks, moving requests) in a disclosure: open on screens with
// room for it; folded on a phone, so the figures come into view sooner, on a short window (at
// 1280×720 the open key took ~170 px of the picture's ~420), and in projector mode, where the
// picture needs the room to draw its labels large.
import { useState, type ReactNode } from 'react';

/** Matches the CSS that keeps the key's toggle shown (topology.css). */
const SHORT_OR_NARROW = '(max-width: 600px), (max-height: 820px)';

function startsFolded(): boolean {
  if (typeof document !== 'undefined' && document.documentElement.dataset.theme === 'projector') return true;
  return typeof matchMedia !== 'undefined' && matchMedia(SHORT_OR_NARROW).matches;
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
