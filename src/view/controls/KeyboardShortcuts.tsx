// Global keyboard shortcuts (listed in shortcuts.ts), and Escape to stop a replay or catch-up. Keys
// typed into a field, or meant for an open menu, a focused button or the help dialog, are left alone.
import { useEffect, useRef } from 'react';
import type { AppState } from '../../store/appStore';
import { useAppStore } from '../../store/context';
import { nextSpeed, shortcutFor, type ShortcutAction } from './shortcuts';
import { motionOn, setMotion } from '../traffic/motionSetting';
import { openTraceTab } from '../trace/openTraceTab';

/** Fields that take typed characters; a checkbox, radio button or slider does not, so "." still steps there. */
const TEXT_ENTRY =
  'input:not([type="checkbox"]):not([type="radio"]):not([type="range"]), select, textarea, [contenteditable=""], [contenteditable="true"]';
/** Elements where Space already means "press": a shortcut would act twice. */
const PRESSABLE =
  'button, a[href], summary, input[type="checkbox"], input[type="radio"], [role="button"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="switch"], [role="option"], [role="tab"]';

function shouldIgnore(e: KeyboardEvent, state: AppState): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return true;
  if (state.menu !== null) return true;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest(TEXT_ENTRY)) return true;
  if (e.key === ' ' && target?.closest(PRESSABLE)) return true;
  return false;
}

function run(action: ShortcutAction, state: AppState): void {
  const { actions } = state;
  switch (action) {
    case 'togglePlay':
      return actions.togglePlay();
    case 'step':
      return actions.step();
    case 'reset':
      return actions.reset();
    case 'faster':
      return actions.setSpeed(nextSpeed(state.speed, 1));
    case 'slower':
      return actions.setSpeed(nextSpeed(state.speed, -1));
    case 'help':
      return actions.setHelpOpen(!state.helpOpen);
    case 'healEverything':
      return actions.healEverything();
    case 'undoLastAction':
      return actions.undoLastAction();
    case 'toggleMotion':
      return setMotion(!motionOn());
    case 'traceNext':
      actions.traceRequest({ pick: 'next' });
      return openTraceTab();
    default: {
      const never: never = action;
      return never;
    }
  }
}

/**
 * A lab inside a <faultline-lab> element shares its page with the host's content and maybe other
 * labs: there, a key counts only when focus is inside this lab.
 */
function outsideThisLab(e: KeyboardEvent, anchor: Element | null): boolean {
  const lab = anchor?.closest('.lab');
  if (!lab?.parentElement?.closest('faultline-lab')) return false;
  return !(e.target instanceof Node && lab.contains(e.target));
}

/** Escape stops a replay or catch-up under way, unless it is meant for an open menu or dialog. */
function cancelsCatchUp(e: KeyboardEvent, state: AppState, anchor: Element | null): boolean {
  if (state.catchUp === null || state.helpOpen || e.defaultPrevented) return false;
  if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], [role="menu"]')) return false;
  return state.menu === null && !outsideThisLab(e, anchor);
}

export function KeyboardShortcuts() {
  const store = useAppStore();
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const state = store.getState();
      if (e.key === 'Escape' && cancelsCatchUp(e, state, anchor.current)) {
        e.preventDefault();
        return state.actions.cancelCatchUp();
      }
      const action = shortcutFor(e.key);
      if (action === null || shouldIgnore(e, state) || outsideThisLab(e, anchor.current)) return;
      // While the help is open only "?" (to close it) works; the rest of the page is inert.
      if (state.helpOpen && action !== 'help') return;
      if (e.repeat && action !== 'step') return;
      e.preventDefault();
      run(action, state);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
  return <span ref={anchor} hidden />;
}
