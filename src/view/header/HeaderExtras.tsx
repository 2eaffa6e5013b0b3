// The header's live-demo tools: the theme picker, "Heal everything" (H) and "Undo last action"
// (U). An embedded lab keeps its header small: it follows the link's or the system's theme and
// offers no tools.
import { useId } from 'react';
import { useApp } from '../../store/context';
import { needsHealing } from '../../store/heal';
import { selectActions } from '../../store/selectors';
import { undoRestoresFork } from '../../store/fork';
import { undoUnavailable } from '../../store/undo';
import type { AppState } from '../../store/appState';
import { useDisplay } from '../share/displayContext';
import { ThemePicker, ThemeRoot } from '../theme/ThemePicker';
import '../theme/header.css';

const NOTHING_TO_HEAL = 'Nothing to heal: every node, disk and link is working.';

/**
 * Whether anything is broken. Every store update runs this selector (a dozen times a second while
 * playing), and the answer only changes with the frame shown or the links: the last answer is kept.
 */
let lastHeal: { topology: unknown; frame: unknown; links: unknown; healable: boolean } | null = null;
const selectHealable = (s: AppState) => {
  const frame = s.shown.frame ?? s.frame;
  if (lastHeal && lastHeal.topology === s.topology && lastHeal.frame === frame && lastHeal.links === s.links)
    return lastHeal.healable;
  lastHeal = { topology: s.topology, frame, links: s.links, healable: needsHealing(s.topology, frame, s.links) };
  return lastHeal.healable;
};
const selectUndoReason = (s: AppState) => (undoRestoresFork(s) ? null : undoUnavailable(s.commandLog));

interface ToolProps {
  readonly icon: string;
  readonly text: string;
  readonly name: string;
  readonly shortcut: string;
  /** Why the tool cannot act now; it stays focusable so the reason can be read. */
  readonly unavailable: string | null;
  readonly onPress: () => void;
}

function DemoTool({ icon, text, name, shortcut, unavailable, onPress }: ToolProps) {
  const reasonId = useId();
  return (
    <button
      type="button"
      className="demo-tool"
      aria-label={name}
      aria-keyshortcuts={shortcut}
      aria-disabled={unavailable !== null}
      aria-describedby={unavailable === null ? undefined : reasonId}
      title={unavailable ?? `${name} (${shortcut})`}
      onClick={() => {
        if (unavailable === null) onPress();
      }}
    >
      <span aria-hidden="true" className="demo-tool-icon">
        {icon}
      </span>
      {text}
      {unavailable !== null && (
        <span id={reasonId} className="visually-hidden">
          {unavailable}
        </span>
      )}
    </button>
  );
}

export function HeaderExtras() {
  const { embed } = useDisplay();
  const actions = useApp(selectActions);
  const healable = useApp(selectHealable);
  const undoReason = useApp(selectUndoReason);
  if (embed) return <ThemeRoot />;
  return (
    <div className="header-extras">
      <ThemePicker />
      <DemoTool
        icon="✚"
        text="Heal"
        name="Heal everything"
        shortcut="H"
        unavailable={healable ? null : NOTHING_TO_HEAL}
        onPress={actions.healEverything}
      />
      <DemoTool
        icon="↶"
        text="Undo"
        name="Undo last action"
        shortcut="U"
        unavailable={undoReason}
        onPress={actions.undoLastAction}
      />
    </div>
  );
}
