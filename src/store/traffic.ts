// The moving marks' feed and the trace of one request. Traffic comes with every frame while the
// picture follows requests: too often for React state, so it goes to subscribers (the canvas
// layer) directly. A trace is rare and read by components, so it lives in the store.
import type { RequestTrace, TraceWish, Traffic } from '../sim/index';

export type TraceState =
  | { readonly status: 'searching'; readonly wish: TraceWish }
  | { readonly status: 'found'; readonly trace: RequestTrace }
  | null;

export type TrafficListener = (traffic: Traffic, frameTimeMs: number) => void;

/** A stable object in the store: subscribing never renders anything. */
export interface TrafficFeed {
  publish(traffic: Traffic, frameTimeMs: number): void;
  subscribe(listener: TrafficListener): () => void;
}

export function createTrafficFeed(): TrafficFeed {
  const listeners = new Set<TrafficListener>();
  return {
    publish(traffic, frameTimeMs) {
      for (const listener of listeners) listener(traffic, frameTimeMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
