// The page's first stop for keyboard users: "Skip to controls" jumps past the header and the
// cluster picture to the tabs of controls. Hidden until focused. It moves focus itself instead of
// following its href, because the fragment carries lessons and experiments (#lesson=…).
import { useRef, type MouseEvent } from 'react';
import './skipLink.css';

/** The id of the element holding the lab's controls (the rail's tabs); the layout gives it out. */
export const CONTROLS_ID = 'lab-controls';

/** Until the layout marks its controls with CONTROLS_ID, the first tab list (the rail's tabs) will do. */
const FALLBACK = '[role="tablist"]';

/** The controls of this lab (a page may hold several <faultline-lab> elements). */
export function controlsOf(from: Element): HTMLElement | null {
  const lab = from.closest('.lab') ?? from.ownerDocument.body;
  return lab.querySelector<HTMLElement>(`#${CONTROLS_ID}`) ?? lab.querySelector<HTMLElement>(FALLBACK);
}

export function SkipLink() {
  const ref = useRef<HTMLAnchorElement>(null);
  const onClick = (event: MouseEvent) => {
    const target = ref.current && controlsOf(ref.current);
    if (!target) return;
    event.preventDefault();
    // Focus the region itself, so the next Tab is its first control, whatever that is.
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  };
  return (
    <a ref={ref} className="skip-link" href={`#${CONTROLS_ID}`} onClick={onClick}>
      Skip to controls
    </a>
  );
}
