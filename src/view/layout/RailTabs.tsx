// The rail's tab set (the WAI-ARIA tabs pattern): one tab stop for the row of tabs, arrow keys,
// Home and End move between them and show each at once. Only the shown tab's panel is drawn; it
// scrolls inside itself so the page never does. When a lesson step offers one control, its tab
// comes to the front, so the step can be done without looking for it.
import { useRef, useState, type KeyboardEvent } from 'react';
import { CONTROLS_ID } from '../a11y/SkipLink';
import type { RailContext, RailTab } from './tabRegistry';

interface RailTabsProps {
  readonly tabs: readonly RailTab[];
  readonly context: RailContext;
  /** The lesson step's `only` list, or null: a change brings the first control it offers forward. */
  readonly onlyControls: readonly string[] | null;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

export function RailTabs({ tabs, context, onlyControls }: RailTabsProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === chosen) ?? tabs[0];

  // A new step's list brings its first control forward; a tab picked since then stays.
  const [seenOnly, setSeenOnly] = useState(onlyControls);
  if (seenOnly !== onlyControls) {
    setSeenOnly(onlyControls);
    const offered = onlyControls && tabs.find((t) => t.lessonControl);
    if (offered) setChosen(offered.id);
  }

  if (!current) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const next = tabs[move(tabs.indexOf(current), tabs.length)];
    if (!next) return;
    setChosen(next.id);
    listRef.current?.querySelector<HTMLElement>(`#rail-tab-${next.id}`)?.focus();
  };

  return (
    <div className="rail-tabs" id={CONTROLS_ID}>
      {/* The keys are handled on the list, as the tabs pattern does; each tab is a real button. */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div className="rail-tablist" role="tablist" aria-label="Controls and views" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab === current;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`rail-tab-${tab.id}`}
              className="rail-tab"
              aria-selected={selected}
              // Only the shown panel exists, so only its tab may point at it.
              aria-controls={selected ? `rail-panel-${tab.id}` : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => setChosen(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {/* Keyed by tab: a tab opens at its top, not at the scroll offset the last tab was left at. */}
      <div
        key={current.id}
        className="rail-tabpanel"
        role="tabpanel"
        id={`rail-panel-${current.id}`}
        aria-labelledby={`rail-tab-${current.id}`}
        // Focusable so a keyboard can scroll a panel that holds no control of its own.
        tabIndex={0}
      >
        {current.render(context)}
      </div>
    </div>
  );
}
