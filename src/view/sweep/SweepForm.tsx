// What the sweep runs: how many seeds from which first one, for how long, and in which mode. The
// experiment itself is the lab's run as it is when Run is pressed (as Share would link it).
import { useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/context';
import type { Experiment } from '../../share/experiment';
import type { SweepMode, SweepSpec } from '../../sweep/sweepSpec';
import { currentExperiment } from '../share/currentExperiment';
import { sweepExperiment } from './sweepExperiment';
import {
  DEFAULT_SWEEP_SEEDS,
  formSpec,
  MAX_SWEEP_SEEDS,
  MIN_SWEEP_SEEDS,
  wholeNumber,
  type SweepFormText,
} from './sweepFormSpec';
import { count } from './sweepModel';

/** Per seed when the run has not started: long enough for the default cluster's figures to settle. */
const FALLBACK_DURATION_S = 60;

export interface SweepFormProps {
  /** The last sweep's choices, kept when the panel opens again. */
  readonly last: SweepSpec | null;
  readonly onRun: (experiment: Experiment, spec: SweepSpec) => void;
}

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly hint?: string;
  readonly integer?: boolean;
}

function Field({ label, value, onChange, hint, integer = false }: FieldProps) {
  const id = useId();
  return (
    <div className="sweep-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={0}
        step={integer ? 1 : 'any'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="sweep-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

function ModeChoice({ mode, onChange }: { readonly mode: SweepMode; readonly onChange: (mode: SweepMode) => void }) {
  const name = useId();
  return (
    <fieldset className="sweep-mode">
      <legend>What each seed simulates</legend>
      <label>
        <input type="radio" name={name} checked={mode === 'requests'} onChange={() => onChange('requests')} />
        The experiment as it is, with its requests
      </label>
      <label>
        <input type="radio" name={name} checked={mode === 'durability'} onChange={() => onChange('durability')} />
        Durability only: disk and machine failures, detection and repair, no requests (fast, for long horizons; the
        hardware settings the lab has now, from time 0)
      </label>
    </fieldset>
  );
}

export function SweepForm({ last, onRun }: SweepFormProps) {
  const store = useAppStore();
  const s = store.getState();
  const hardwareOn = (s.frame?.hardware ?? s.scenario.hardwareFaults).enabled;
  const nowS = (s.frame?.timeMs ?? 0) / 1000;
  const [form, setForm] = useState<SweepFormText>({
    seeds: String(last ? last.seeds.to - last.seeds.from + 1 : DEFAULT_SWEEP_SEEDS),
    first: String(s.seed),
    seconds: String(nowS > 0 ? Number(nowS.toFixed(1)) : FALLBACK_DURATION_S),
    years: '1',
    mode: hardwareOn && last?.mode === 'durability' ? 'durability' : 'requests',
  });
  const [error, setError] = useState<string | null>(null);
  const edit = (change: Partial<SweepFormText>) => setForm((f) => ({ ...f, ...change }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const state = store.getState();
    const experiment = sweepExperiment(currentExperiment(state), form.mode, state.frame?.hardware);
    const spec = formSpec(form, experiment);
    if (!spec.ok) return setError(spec.error);
    setError(null);
    onRun(experiment, spec.value);
  };
  const n = wholeNumber(form.seeds);

  return (
    <form className="sweep-form" onSubmit={submit} noValidate>
      <div className="sweep-fields">
        <Field
          label="Number of seeds"
          integer
          value={form.seeds}
          onChange={(seeds) => edit({ seeds })}
          hint={`${MIN_SWEEP_SEEDS} to ${count(MAX_SWEEP_SEEDS)}`}
        />
        <Field
          label="First seed"
          integer
          value={form.first}
          onChange={(first) => edit({ first })}
          hint={`This run is seed ${s.seed}`}
        />
        {form.mode === 'requests' ? (
          <Field
            label="Simulated seconds per seed"
            value={form.seconds}
            onChange={(seconds) => edit({ seconds })}
            hint={`This run is at ${nowS.toFixed(1)} s`}
          />
        ) : (
          <Field label="Hardware years per seed" value={form.years} onChange={(years) => edit({ years })} />
        )}
      </div>
      {hardwareOn && <ModeChoice mode={form.mode} onChange={(mode) => edit({ mode })} />}
      {error && (
        <p className="share-warning" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Run {Number.isNaN(n) ? '' : count(n)} seeds
      </button>
    </form>
  );
}
