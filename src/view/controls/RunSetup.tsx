// Which run is on screen: the built-in scenario and the seed. Changing either starts the run again
// from time zero; the same scenario, seed and actions always give the same run.
import { useState } from 'react';
import { builtInScenarios } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { selectActions, selectSeed } from '../../store/selectors';
import { useApp } from '../../store/context';
import { ArchitectureForm } from '../architecture/ArchitectureForm';

const selectScenarioId = (s: AppState) => s.scenario.id;
const selectScenarioName = (s: AppState) => s.scenario.name;

function seedError(text: string): string | null {
  if (!/^\d+$/.test(text.trim())) return 'The seed is a whole number, 0 or more.';
  return Number.isSafeInteger(Number(text)) ? null : 'That seed is too large.';
}

function SeedField() {
  const seed = useApp(selectSeed);
  const actions = useApp(selectActions);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const problem = seedError(draft);
    if (problem) return setError(problem);
    setDraft(null);
    setError(null);
    if (Number(draft) !== seed) actions.setSeed(Number(draft));
  };
  return (
    <div className="seed-field">
      <label className="inline-label" htmlFor="run-seed">
        Seed
      </label>
      <input
        id="run-seed"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={8}
        value={draft ?? String(seed)}
        aria-invalid={error !== null}
        aria-describedby={error ? 'run-seed-error' : undefined}
        title="Same seed, same run. A new seed restarts from time 0 (Enter to apply)."
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && draft !== null) {
            setDraft(null);
            setError(null);
          }
        }}
        onBlur={commit}
      />
      {error && (
        <p id="run-seed-error" className="seed-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function RunSetup() {
  const scenarioId = useApp(selectScenarioId);
  const scenarioName = useApp(selectScenarioName);
  const actions = useApp(selectActions);
  return (
    <div className="run-setup">
      <p className="run-setup-note">
        Changing either starts the run again from time 0. The same scenario, seed and actions always give the same run.
      </p>
      <label className="inline-label" htmlFor="run-scenario">
        Scenario
      </label>
      <select
        id="run-scenario"
        className="scenario-select"
        title={scenarioName}
        value={scenarioId}
        onChange={(e) => actions.loadScenario(e.target.value)}
      >
        {builtInScenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <SeedField />
      <ArchitectureForm />
    </div>
  );
}
