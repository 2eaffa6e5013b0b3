// Takes the reader from a chart's fault mark to its line in the event log: brings the rail's Log
// tab forward (opening the phone's drawer first) and focuses the line named by the event's seq.
// (Placeholder kept working by the event log's owner: the line's element id is eventLineId(seq).)

export const LOG_TAB_ID = 'log';

export function eventLineId(seq: number): string {
  return `event-line-${seq}`;
}

export function showEventLine(seq: number): void {
  const drawer = document.querySelector<HTMLButtonElement>('.rail-drawer-toggle');
  if (drawer && drawer.getAttribute('aria-expanded') === 'false' && drawer.offsetParent !== null) drawer.click();
  document.getElementById(`rail-tab-${LOG_TAB_ID}`)?.click();
  requestAnimationFrame(() => {
    const line = document.getElementById(eventLineId(seq));
    line?.scrollIntoView({ block: 'nearest' });
    line?.focus();
  });
}
