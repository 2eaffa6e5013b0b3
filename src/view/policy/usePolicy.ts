// Reading and changing the running policy. Values always come from the simulation's frame (or
// the scenario before the first frame), and a change sends only the fields that changed.
import type { Policy } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { selectActions } from '../../store/selectors';
import { useApp } from '../../store/context';

export const policyOf = (s: AppState): Policy => s.frame?.policy ?? s.scenario.policy;

export function useSetPolicy(): (change: Partial<Policy>, label: string) => void {
  const actions = useApp(selectActions);
  return (change, label) => actions.apply({ type: 'setPolicy', policy: change }, label);
}
