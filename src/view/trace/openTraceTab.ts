// Brings the rail's Trace tab forward, as a click on it would, and puts focus on it so a keyboard
// user is where the trace will appear. On a phone the tabs sit in a folded "Controls" drawer: it
// opens first. The rail keeps its chosen tab to itself, so this goes through its buttons.
import { TRACE_TAB_ID } from './traceWords';

export function openTraceTab(): void {
  const drawer = document.querySelector<HTMLButtonElement>('.rail-drawer-toggle');
  if (drawer && drawer.getAttribute('aria-expanded') === 'false' && drawer.offsetParent !== null) drawer.click();
  const tab = document.getElementById(`rail-tab-${TRACE_TAB_ID}`);
  if (!tab) return;
  tab.click();
  tab.focus();
}
