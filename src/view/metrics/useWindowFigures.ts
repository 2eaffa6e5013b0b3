// The window the lab's figures are judged over (one choice per lab, shared by the headline and
// the live strip), and the figures over it.
import { useMemo, useSyncExternalStore } from 'react';
import { useApp, useAppStore } from '../../store/context';
import {
  figureWindowChoiceFor,
  figureWindowOf,
  type FigureWindow,
  type FigureWindowId,
} from '../../store/figureWindow';
import { headlineOf, selectShownFrame, selectShownWindows } from '../../store/selectors';
import { selectSlo } from '../charts/chartSelectors';

export function useFigureWindow(): readonly [FigureWindow, (id: FigureWindowId) => void] {
  const choice = figureWindowChoiceFor(useAppStore());
  const id = useSyncExternalStore(choice.subscribe, choice.get);
  return [figureWindowOf(id), choice.set] as const;
}

/** The headline's figures over the chosen window; null before the first frame. */
export function useWindowFigures() {
  const [window] = useFigureWindow();
  const frame = useApp(selectShownFrame);
  const windows = useApp(selectShownWindows);
  const slo = useApp(selectSlo);
  return useMemo(() => headlineOf(frame, windows, slo, window), [frame, windows, slo, window]);
}

export type HeadlineFigures = NonNullable<ReturnType<typeof useWindowFigures>>;
