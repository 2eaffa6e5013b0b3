// The app tier's autoscaler while the run goes on: on or off, what it scales on and its target,
// its size limits and pace, and its last decision in words. The fields are one draft, sent as one
// setAutoscaler command on Apply (a policy half-changed field by field would restart its watch
// each time); a draft that breaks a rule stays as typed, with a message under each field at fault.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AutoscalerPolicy } from '../../sim/scaling/autoscalerSchema';
import { autoscalerOf } from '../architecture/scalingTier';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import { SelectField, type SelectOption } from '../controls/SelectField';
import {
  draftOf,
  FIELD_LABELS,
  policyOf,
  problemText,
  TARGET_LABELS,
  withMode,
  type AutoscalerDraft,
  type AutoscalerMode,
  type DraftField,
  type DraftProblem,
} from './autoscalerDraft';
import { DraftNumberInput } from './DraftNumberInput';

const MODE_OPTIONS: readonly SelectOption<AutoscalerMode>[] = [
  { value: 'utilization', label: 'Utilization (share of workers busy)' },
  { value: 'p99', label: 'p99 latency' },
];

/** The policy running now: the last one the user set in this run, else the scenario's; null when off. */
const selectRunningPolicy = (s: AppState): AutoscalerPolicy | null => {
  for (let i = s.commandLog.length - 1; i >= 0; i--) {
    const command = s.commandLog[i]?.command;
    if (command?.type === 'setAutoscaler') return command.policy;
  }
  return s.scenario.scaling?.autoscaler ?? null;
};
const selectEnabled = (s: AppState) => s.frame?.scaling?.autoscaler?.enabled ?? selectRunningPolicy(s) !== null;
const selectLastDecision = (s: AppState) => s.frame?.scaling?.autoscaler?.lastDecision ?? null;
const selectRoom = (s: AppState) => s.scenario.scaling?.maxAppServers ?? s.scenario.appServers.count;
const selectScenario = (s: AppState) => s.scenario;

function statusText(enabled: boolean, lastDecision: string | null): string {
  if (!enabled) return 'Off: the app tier keeps the size you give it.';
  if (lastDecision === null) return 'On. No decision yet: it first looks one interval after it was turned on.';
  // The decision is an event-log sentence ("Autoscaler: utilization 85% is above…"); here it sits under the autoscaler's own heading.
  return `On. Last decision: ${lastDecision.replace(/^Autoscaler: /, '')}`;
}

/** The form's state: the draft (or the running policy), its problems, Apply and Turn off. */
function useAutoscalerForm() {
  const actions = useApp(selectActions);
  const running = useApp(selectRunningPolicy);
  const enabled = useApp(selectEnabled);
  const room = useApp(selectRoom);
  const scenario = useApp(selectScenario);
  // What the form starts from when no autoscaler runs: the Architecture form's default.
  const base = running ?? autoscalerOf(scenario);
  // null: the form shows the running policy; a draft once the user edits, until it is applied.
  const [draft, setDraft] = useState<AutoscalerDraft | null>(null);
  const [problems, setProblems] = useState<readonly DraftProblem[]>([]);
  const shown = draft ?? draftOf(base);
  const edit = (next: AutoscalerDraft | null) => {
    setDraft(next);
    setProblems([]);
  };
  return {
    enabled,
    room,
    shown,
    problems,
    set: (field: DraftField) => (text: string) => edit({ ...shown, [field]: text }),
    setMode: (mode: AutoscalerMode) => edit(withMode(shown, mode, base)),
    errorOf: (field: DraftField) => problems.find((p) => p.field === field)?.message,
    apply: (e: FormEvent) => {
      e.preventDefault();
      const result = policyOf(shown, base, room);
      if (!result.ok) return setProblems(result.problems);
      edit(null);
      actions.apply({ type: 'setAutoscaler', policy: result.policy }, enabled ? 'Autoscaler changed' : 'Autoscaler on');
    },
    turnOff: () => {
      edit(null);
      actions.apply({ type: 'setAutoscaler', policy: null }, 'Autoscaler off');
    },
  };
}

export function AutoscalerFields() {
  const form = useAutoscalerForm();
  const lastDecision = useApp(selectLastDecision);
  const { shown, problems, set, errorOf } = form;
  const formRef = useRef<HTMLFormElement>(null);
  // A refused Apply takes the keyboard to the first field at fault, whose message it then reads.
  useEffect(() => {
    if (problems.length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  return (
    <fieldset className="form-group" data-testid="autoscaler-policy">
      <legend>Autoscaler for the app servers</legend>
      <p className="panel-status" data-state={form.enabled ? 'active' : undefined} data-testid="autoscaler-status">
        {statusText(form.enabled, lastDecision)}
      </p>
      <form ref={formRef} onSubmit={form.apply} noValidate>
        <SelectField label="Scale on" value={shown.mode} options={MODE_OPTIONS} onChange={form.setMode} />
        {(['target', 'minSize', 'maxSize', 'intervalS', 'cooldownS'] as const).map((field) => (
          <DraftNumberInput
            key={field}
            label={field === 'target' ? TARGET_LABELS[shown.mode] : FIELD_LABELS[field]}
            value={shown[field]}
            onChange={set(field)}
            error={errorOf(field)}
            hint={field === 'maxSize' ? `At most ${form.room}, the room this scenario gives the tier.` : undefined}
            step={field === 'cooldownS' ? 0.1 : 1}
          />
        ))}
        {problems.length > 0 && (
          <div role="alert">
            <p className="field-error">Nothing was sent; the autoscaler runs as it did.</p>
            <ul className="autoscaler-problems">
              {problems.map((p, i) => (
                <li key={i}>{problemText(p, shown.mode)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {form.enabled ? 'Apply autoscaler changes' : 'Turn on autoscaler'}
          </button>
          {form.enabled && (
            <button type="button" onClick={form.turnOff}>
              Turn off autoscaler
            </button>
          )}
        </div>
      </form>
    </fieldset>
  );
}
