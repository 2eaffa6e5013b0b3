// Scaling while the run goes on (only when the scenario has room to scale): the app tier's
// autoscaler, and bigger machines per tier. Adding and removing nodes is the picture's "+" and "−".
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { AutoscalerFields } from './AutoscalerFields';
import { MachineSizeFields } from './MachineSizeFields';

const selectHasScaling = (s: AppState) => s.scenario.scaling !== undefined;
const selectRunId = (s: AppState) => s.runId;

export function ScalingFields() {
  const hasScaling = useApp(selectHasScaling);
  // A new run (a restart, another scenario) drops a half-typed autoscaler draft.
  const runId = useApp(selectRunId);
  if (!hasScaling) return null;
  return (
    <>
      <AutoscalerFields key={runId} />
      <MachineSizeFields />
    </>
  );
}
