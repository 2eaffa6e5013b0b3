// The determinism check as a page of its own (`?check`), outside the lab.
import { DeterminismCheck } from './DeterminismCheck';

export function DeterminismPage() {
  return (
    <main className="page">
      <header>
        <h1>Faultline: determinism check</h1>
        <p className="lede">
          Runs a built-in scenario from start to end in a Web Worker and shows the hash of its event log. The same
          scenario and seed run in Node (<code>npm run sim -- SCENARIO --seed N --json</code>) print the same hash.
        </p>
      </header>
      <DeterminismCheck />
    </main>
  );
}
