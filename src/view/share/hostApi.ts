// Lets the page that embeds the lab drive it by postMessage, and tells that page about faults,
// metrics and the height the lab needs. Only the one origin named by `?host=` is heard and written
// to (never "*"). Seeks and loads are coalesced (the latest wins) and times past the interactive
// horizon are refused.
import { beyondHorizon, isBeyondHorizon } from '../../share/horizon';
import { hostMessageSchema, resizeMessage, type LabMessage } from '../../share/hostMessages';
import { summaryOf } from './hostSummary';
import { describeForScreenReader, FAULT_TYPES } from '../../store/announce';
import type { AppStore } from '../../store/appState';
import { watchNeededHeight } from '../layout/neededHeight';
import { createJumpWaiter } from './hostJumps';

export function startHostApi(store: AppStore, host: string, win: Window = window): () => void {
  const parent = win.parent;
  if (parent === win) return () => {};
  const tell = (message: LabMessage) => parent.postMessage(message, host);

  const jumps = createJumpWaiter(store, tell, win);
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== host || event.source !== parent) return;
    const parsed = hostMessageSchema.safeParse(event.data);
    if (!parsed.success) return tell({ type: 'faultline:error', message: 'Unknown or malformed message.' });
    const { actions } = store.getState();
    const message = parsed.data;
    switch (message.type) {
      case 'faultline:play':
        return actions.play();
      case 'faultline:pause':
        return actions.pause();
      case 'faultline:seek': {
        if (!isBeyondHorizon(message.timeMs)) return jumps.wait(message);
        const refusal = beyondHorizon('The host page', message.timeMs);
        actions.showProblem(refusal);
        return tell({ type: 'faultline:error', message: refusal });
      }
      case 'faultline:getSummary': {
        const summary = summaryOf(store.getState());
        return summary ? tell({ type: 'faultline:metrics', summary }) : undefined;
      }
      case 'faultline:load':
        return jumps.wait(message);
      default: {
        const never: never = message;
        return never;
      }
    }
  };
  win.addEventListener('message', onMessage);

  // Faults as they are announced, and a metrics summary each simulated second.
  let eventsSeen = store.getState().frame?.eventsTotal ?? 0;
  const unsubscribe = store.subscribe((s, before) => {
    jumps.onStoreChange(s);
    if (s.runId !== before.runId) eventsSeen = 0;
    const total = s.frame?.eventsTotal ?? 0;
    if (total > eventsSeen) {
      // The store keeps recent events newest first; the new ones are at the front.
      const fresh = s.events.slice(0, Math.min(total - eventsSeen, s.events.length)).reverse();
      for (const e of fresh.filter((e) => FAULT_TYPES.has(e.type)))
        tell({ type: 'faultline:fault', timeMs: e.timeMs, description: describeForScreenReader(e) });
      eventsSeen = total;
    }
    if (s.windows !== before.windows) {
      const summary = summaryOf(s);
      if (summary) tell({ type: 'faultline:metrics', summary });
    }
  });
  tell({ type: 'faultline:ready' });
  // The page's content height, so the host can size its iframe (docs/embedding.md).
  const body = win.document?.body;
  const stopResize = body ? watchNeededHeight(body, (height) => tell(resizeMessage(height)), win) : () => {};
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
    stopResize();
  };
}
