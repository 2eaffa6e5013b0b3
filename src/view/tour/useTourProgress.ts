// Follows the lab while the first-visit steps are on: each step advances when the learner has
// actually done it (see tourSteps.ts). Reads the store by subscription, so the frames of a playing
// run re-render nothing until a step changes.
import { useEffect, useState } from 'react';
import type { AppState } from '../../store/appStore';
import { useAppStore } from '../../store/context';
import { advanceTour, TOUR_START, type TourProgress } from './tourSteps';

const signalsOf = (s: AppState) => ({ playing: s.playing, commandLog: s.commandLog, timeMs: s.frame?.timeMs ?? 0 });

export function useTourProgress(active: boolean): TourProgress {
  const store = useAppStore();
  const [progress, setProgress] = useState<TourProgress>(TOUR_START);
  useEffect(() => {
    if (!active) return;
    let current = TOUR_START;
    const update = (state: AppState) => {
      const next = advanceTour(current, signalsOf(state));
      if (next === current) return;
      current = next;
      setProgress(next);
    };
    update(store.getState());
    return store.subscribe(update);
  }, [active, store]);
  return progress;
}
