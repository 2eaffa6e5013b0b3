// Page layout only; features live in their own folders.
import { DeterminismCheck } from './determinism/DeterminismCheck';

export function App() {
  return (
    <main className="page">
      <header>
        <h1>Faultline</h1>
        <p className="lede">
          An interactive lab for faults in distributed systems. Faultline simulates a small cluster — clients, a load
          balancer, app servers and replicated storage — event by event and with a seeded random source, so every run
          can be replayed exactly. Crash a node, cut a link or double the load, and watch how latency, errors and
          durability respond. The full lab is on its way; for now this page checks that the simulation runs the same in
          your browser as on the command line.
        </p>
      </header>
      <DeterminismCheck />
    </main>
  );
}
