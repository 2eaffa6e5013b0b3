// "Trace a request" above the picture: a menu button (WAI-ARIA menu pattern: focus goes to the
// first item, arrows move, Escape closes and returns focus, Tab or a click outside closes) that
// starts a search and brings the Trace tab forward. It also holds the live region that says when a
// search ends, since the Trace tab's panel exists only while that tab is shown.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TraceWish } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { useApp, useAppStore } from '../../store/context';
import { selectShownFrame, selectShownWindows } from '../../store/selectors';
import { openTraceTab } from './openTraceTab';
import { foundWords, p99Now, wishWords } from './traceWords';
import './trace.css';

const selectTrace = (s: AppState) => s.trace;
const selectTargetP99Ms = (s: AppState) => s.scenario.slo.latencyMsP99;

function useP99Now(): number {
  const windows = useApp(selectShownWindows);
  const frame = useApp(selectShownFrame);
  const target = useApp(selectTargetP99Ms);
  return p99Now(windows, frame, target);
}

export function TraceMenu() {
  const store = useAppStore();
  const trace = useApp(selectTrace);
  const p99 = useP99Now();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choose = (wish: TraceWish) => {
    setOpen(false);
    store.getState().actions.traceRequest(wish);
    openTraceTab();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Escape: () => {
        setOpen(false);
        buttonRef.current?.focus();
      },
    };
    if (e.key === 'Tab') return setOpen(false);
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    // Escape here must not also reach the page's own Escape handlers (the lesson, the help).
    e.stopPropagation();
    action();
  };

  const items: readonly { label: string; wish: TraceWish }[] = [
    { label: 'The next request', wish: { pick: 'next' } },
    { label: `A slow one (slower than p99 now: ${p99} ms)`, wish: { pick: 'slow', slowerThanMs: p99 } },
    { label: 'A failed one', wish: { pick: 'failed' } },
  ];
  return (
    <div className="trace-menu" ref={rootRef}>
      <button
        type="button"
        ref={buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'trace-menu-list' : undefined}
        onClick={() => setOpen(!open)}
      >
        Trace a request <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          className="trace-menu-list"
          role="menu"
          id="trace-menu-list"
          aria-label="Trace a request"
          tabIndex={-1}
          ref={menuRef}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <button key={item.wish.pick} type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item.wish)}>
              {item.label}
            </button>
          ))}
        </div>
      )}
      <div className="visually-hidden" role="status" aria-live="polite">
        {trace?.status === 'found' ? foundWords(trace.trace) : trace ? `Looking for ${wishWords(trace.wish)}.` : ''}
      </div>
    </div>
  );
}
