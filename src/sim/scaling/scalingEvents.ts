// The engine's entry points into scaling: its scheduled events, the autoscaler's start, and what
// a closing window records. Each does nothing without scenario.scaling.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { onNodeReady } from '../cluster/nodeSlots';
import { onDrainCheck } from '../cluster/nodeRemoval';
import { onMoveDone } from '../cluster/storageMoves';
import { onWindowClosed } from './autoscalerLoop';
import { servingAppServers } from './scalingState';

export { startScaling } from './autoscalerLoop';

export function onScalingEvent(st: SimState, kind: number, index: number, aux: number): void {
  if (kind === EventKind.nodeReady) return onNodeReady(st, index, aux);
  if (kind === EventKind.drainCheck) return onDrainCheck(st, index, aux);
  if (kind === EventKind.moveDone) return onMoveDone(st, index, aux);
  throw new Error(`not a scaling event kind: ${kind}`);
}

/** App servers serving at a window's close (WindowMetrics.appServersUp); undefined without scaling. */
export function windowServers(st: SimState): number | undefined {
  return st.scaling === null ? undefined : servingAppServers(st);
}

/** After a window closed: the autoscaler measures and, when due, decides. */
export function afterWindowClosed(st: SimState): void {
  if (st.scaling !== null) onWindowClosed(st);
}
