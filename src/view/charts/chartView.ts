// View-only state the charts and the timeline share: how much history the charts show and the
// moment the timeline is being scrubbed to. One per lab store (a page can hold several labs),
// never in the simulation and never in the lab's store, so scrubbing redraws only the charts.
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../../store/appState';
import { useAppStore } from '../../store/context';
import { DEFAULT_SPAN_S, type SpanS } from './chartData';

export interface ChartView {
  readonly spanS: SpanS;
  /** Where the timeline's thumb is while the user drags it (before the run there is rebuilt). */
  readonly scrubMs: number | null;
}

const views = new WeakMap<AppStore, StoreApi<ChartView>>();

export function chartViewOf(store: AppStore): StoreApi<ChartView> {
  let view = views.get(store);
  if (!view) {
    view = createStore<ChartView>()(() => ({ spanS: DEFAULT_SPAN_S, scrubMs: null }));
    views.set(store, view);
  }
  return view;
}

/** The chart view of this lab and one of its fields (re-rendering only when that field changes). */
export function useChartView<T>(pick: (v: ChartView) => T): [T, StoreApi<ChartView>] {
  const view = chartViewOf(useAppStore());
  const value = useSyncExternalStore(view.subscribe, () => pick(view.getState()));
  return [value, view];
}

export const pickSpan = (v: ChartView) => v.spanS;
export const pickScrub = (v: ChartView) => v.scrubMs;
