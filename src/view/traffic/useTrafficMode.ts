// How the picture shows traffic now and how many requests the worker follows: one derivation for
// the canvas and its legend, from the speed, the offered load and the motion setting.
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { useMotion } from './motionSetting';
import { everyNFor, trafficMode, type TrafficMode } from './sampling';

const selectSpeed = (s: AppState) => s.speed;
const selectRate = (s: AppState) => (s.frame ? s.frame.load.rateRps * s.frame.loadMultiplier : 0);

export interface TrafficView {
  readonly mode: TrafficMode;
  readonly motion: boolean;
  /** 1 in everyN requests is followed while dots move; 0 otherwise. */
  readonly everyN: number;
}

export function useTrafficMode(): TrafficView {
  const speed = useApp(selectSpeed);
  const rate = useApp(selectRate);
  const motion = useMotion();
  const mode = trafficMode(speed, motion);
  return { mode, motion, everyN: mode === 'dots' ? everyNFor(rate, speed) : 0 };
}
