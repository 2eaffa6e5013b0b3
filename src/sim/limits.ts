// Errors a run's input can cause, as opposed to bugs: a scenario, schedule or command log that
// asks for more than the engine will hold or for a run that cannot move forward. Callers (the
// CLI, the worker) tell them from bugs with instanceof and show the message, which names the
// field most likely to blame.

/** A problem caused by the input (a bad field, a limit it reached), not a bug; `field` names the likely culprit. */
export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** The run did far more events per simulated second than its scenario can explain: a would-be freeze. */
export class SimulationStalled extends InputError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = 'SimulationStalled';
  }
}
