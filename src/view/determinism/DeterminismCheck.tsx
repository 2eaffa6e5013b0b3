// Runs a built-in scenario in a Web Worker and shows its log hash; the same scenario and seed
// run in Node (`npm run sim`) must print the same hash. e2e/determinism.spec.ts checks that.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BUILT_IN_SCENARIO_IDS, type RunRequest } from '../../worker/protocol';
import { startHeadlessRun } from '../../worker/startHeadlessRun';
import { RunResultView, type RunState } from './RunResultView';

const MAX_DURATION_S = 3600;

export function DeterminismCheck() {
  const [scenarioId, setScenarioId] = useState<string>(BUILT_IN_SCENARIO_IDS[0] ?? 'default');
  const [seed, setSeed] = useState('1');
  const [durationS, setDurationS] = useState('10');
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);

  useEffect(() => () => cancelRef.current?.(), []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    cancelRef.current?.();
    const request: RunRequest = { type: 'run', scenarioId, seed: Number(seed), durationS: Number(durationS) };
    setRun({ status: 'running', request });
    cancelRef.current = startHeadlessRun(request, (reply) => {
      cancelRef.current = null;
      setRun({ status: 'done', request, reply });
    });
  }

  return (
    <section className="panel" aria-labelledby="determinism-heading">
      <h2 id="determinism-heading">Determinism check</h2>
      <p>
        Run a scenario to the end in a background worker. The same scenario and seed always give the same log hash, here
        and in <code>npm run sim</code>.
      </p>
      <form className="run-form" onSubmit={handleSubmit}>
        <label>
          Scenario
          <select value={scenarioId} onChange={(event) => setScenarioId(event.target.value)}>
            {BUILT_IN_SCENARIO_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed
          <input
            type="number"
            required
            min={0}
            step={1}
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
          />
        </label>
        <label>
          Duration (s)
          <input
            type="number"
            required
            min={0.001}
            max={MAX_DURATION_S}
            step="any"
            value={durationS}
            onChange={(event) => setDurationS(event.target.value)}
          />
        </label>
        <button type="submit">Run in worker</button>
      </form>
      <RunResultView run={run} />
    </section>
  );
}
