// Messages between the page and the headless simulation worker. Plain data only, because
// they cross the worker boundary by structured clone.

import { builtInScenarios } from '../sim/index';

export const BUILT_IN_SCENARIO_IDS: readonly string[] = builtInScenarios.map((s) => s.id);

export interface RunRequest {
  readonly type: 'run';
  readonly scenarioId: string;
  readonly seed: number;
  readonly durationS: number;
}

export type WorkerRequest = RunRequest;

export interface RunResult {
  readonly type: 'result';
  readonly logHash: string;
  readonly events: number;
  readonly issued: number;
  readonly succeeded: number;
  readonly failed: number;
}

export interface RunError {
  readonly type: 'error';
  readonly message: string;
}

export type WorkerReply = RunResult | RunError;
