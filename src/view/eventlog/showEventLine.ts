// Takes the reader from a chart's fault mark to its line in the event log: brings the rail's Log
// tab forward (opening the phone's drawer first) and asks the log to reveal the line named by the
// event's seq. The log clears filters that hide it, opens a group that folds it, then scrolls to
// it, focuses and highlights it. The request waits here if the log is not mounted yet (the Log
// tab draws it only once shown). No store: it is view-only, like focus.

export const LOG_TAB_ID = 'log';

export function eventLineId(seq: number): string {
  return `event-line-${seq}`;
}

type Reveal = (seq: number) => void;

let reveal: Reveal | null = null;
let pending: number | null = null;

/** The event log listens while mounted; a request made before it mounted is handed over at once. */
export function onShowEventLine(listener: Reveal): () => void {
  reveal = listener;
  if (pending !== null) {
    const seq = pending;
    pending = null;
    listener(seq);
  }
  return () => {
    if (reveal === listener) reveal = null;
  };
}

export function showEventLine(seq: number): void {
  const drawer = document.querySelector<HTMLButtonElement>('.rail-drawer-toggle');
  if (drawer && drawer.getAttribute('aria-expanded') === 'false' && drawer.offsetParent !== null) drawer.click();
  document.getElementById(`rail-tab-${LOG_TAB_ID}`)?.click();
  if (reveal) reveal(seq);
  else pending = seq;
}
