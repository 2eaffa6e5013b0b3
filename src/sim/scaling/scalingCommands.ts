// Scaling commands: add or remove a node of a tier, give a tier bigger machines, set the
// autoscaler. check() finds every problem before anything changes.
import type { Command } from '../commands';
import type { SimState } from '../state';

export type ScalingCommand = Extract<Command, { type: 'addNode' | 'removeNode' | 'scaleUp' | 'setAutoscaler' }>;

export function checkScaling(st: SimState, c: ScalingCommand): string | null {
  if (st.scenario.scaling === undefined) return 'this scenario has no room to scale (scaling)';
  return `${c.type} is not wired yet`;
}

export function applyScaling(st: SimState, c: ScalingCommand): void {
  void st;
  void c;
}
