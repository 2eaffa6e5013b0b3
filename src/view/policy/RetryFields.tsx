// The client's timeout and retry policy. The retry policy is one field of Policy, so a change
// to any part of it sends the whole retry object, built from the simulation's current one.
import type { RetryPolicy } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { useApp, useAppStore } from '../../store/context';
import { NumberField } from '../controls/NumberField';
import { SelectField, type SelectOption } from '../controls/SelectField';
import { policyOf, useSetPolicy } from './usePolicy';

type Strategy = RetryPolicy['strategy'];

const STRATEGIES: readonly SelectOption<Strategy>[] = [
  { value: 'none', label: 'No retries' },
  { value: 'fixed', label: 'Fixed delay' },
  { value: 'exponential', label: 'Exponential backoff' },
  { value: 'budget', label: 'Backoff + retry budget' },
];

const selectTimeout = (s: AppState) => policyOf(s).timeoutMs;
const selectStrategy = (s: AppState) => policyOf(s).retry.strategy;
const selectMaxAttempts = (s: AppState) => policyOf(s).retry.maxAttempts;
const selectBaseDelay = (s: AppState) => policyOf(s).retry.baseDelayMs;
const selectMaxDelay = (s: AppState) => policyOf(s).retry.maxDelayMs;
const selectJitter = (s: AppState) => policyOf(s).retry.jitter;
const selectBudgetPercent = (s: AppState) => Math.round(policyOf(s).retry.budgetRatio * 1000) / 10;

export function RetryFields() {
  const store = useAppStore();
  const setPolicy = useSetPolicy();
  const timeoutMs = useApp(selectTimeout);
  const strategy = useApp(selectStrategy);
  const maxAttempts = useApp(selectMaxAttempts);
  const baseDelayMs = useApp(selectBaseDelay);
  const maxDelayMs = useApp(selectMaxDelay);
  const jitter = useApp(selectJitter);
  const budgetPercent = useApp(selectBudgetPercent);

  const setRetry = (change: Partial<RetryPolicy>, label: string) =>
    setPolicy({ retry: { ...policyOf(store.getState()).retry, ...change } }, label);
  const retrying = strategy !== 'none';
  const backingOff = strategy === 'exponential' || strategy === 'budget';

  return (
    <fieldset className="form-group">
      <legend>Timeouts and retries (client)</legend>
      <NumberField
        label="Timeout per attempt (ms)"
        value={timeoutMs}
        min={1}
        max={600_000}
        size={7}
        onCommit={(v) => setPolicy({ timeoutMs: v }, `Timeout ${v} ms`)}
      />
      <SelectField
        label="Retry strategy"
        value={strategy}
        options={STRATEGIES}
        onChange={(v) => setRetry({ strategy: v }, `Retries: ${STRATEGIES.find((o) => o.value === v)?.label ?? v}`)}
      />
      <NumberField
        label="Attempts per request (first included)"
        value={maxAttempts}
        integer
        min={1}
        max={10}
        size={3}
        disabled={!retrying}
        onCommit={(v) => setRetry({ maxAttempts: v }, `Max attempts ${v}`)}
      />
      <NumberField
        label={backingOff ? 'First retry delay (ms, doubles each time)' : 'Retry delay (ms)'}
        value={baseDelayMs}
        min={0}
        max={600_000}
        size={7}
        disabled={!retrying}
        onCommit={(v) => setRetry({ baseDelayMs: v }, `Retry delay ${v} ms`)}
      />
      {backingOff && (
        <NumberField
          label="Longest retry delay (ms)"
          value={maxDelayMs}
          min={0}
          max={600_000}
          size={7}
          onCommit={(v) => setRetry({ maxDelayMs: v }, `Longest retry delay ${v} ms`)}
        />
      )}
      {strategy === 'budget' && (
        <NumberField
          label="Retry budget (% of new requests)"
          value={budgetPercent}
          min={0}
          max={100}
          size={5}
          onCommit={(v) => setRetry({ budgetRatio: v / 100 }, `Retry budget ${v}%`)}
        />
      )}
      <JitterCheckbox
        jitter={jitter}
        disabled={!retrying}
        onChange={(on) => setRetry({ jitter: on }, on ? 'Jitter on' : 'Jitter off')}
      />
    </fieldset>
  );
}

function JitterCheckbox({
  jitter,
  disabled,
  onChange,
}: {
  jitter: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="check-field">
      <input
        id="policy-jitter"
        type="checkbox"
        checked={jitter}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor="policy-jitter">Jitter (wait a random part of each delay)</label>
    </div>
  );
}
