// Shown in the lesson panel while the steps before this one are replayed to rebuild its run (a
// link to a late step, Back, a restart): how far it got, and a way to stop (Escape too).
import { useEffect } from 'react';
import { useLesson } from './lessonContext';

export function RebuildProgress() {
  const rebuilding = useLesson((s) => s.rebuilding);
  const cancel = useLesson((s) => s.actions.cancelRebuild);
  const active = rebuilding !== null;
  // Escape stops it too, unless it is meant for an open menu or dialog.
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], [role="menu"]')) return;
      e.preventDefault();
      cancel();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active, cancel]);
  if (!rebuilding) return null;
  const { stepsDone, of } = rebuilding;
  const text = `Replaying the earlier steps: ${stepsDone} of ${of} done`;
  return (
    <div className="lesson-rebuild">
      <p id="lesson-rebuild-text">{text}…</p>
      <progress
        aria-labelledby="lesson-rebuild-text"
        max={of}
        value={stepsDone}
        aria-valuetext={`${stepsDone} of ${of} steps replayed. Press Escape or Cancel to start from the first step instead.`}
      />
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
