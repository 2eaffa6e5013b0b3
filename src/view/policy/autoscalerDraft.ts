// The autoscaler form's draft: what the learner types (percent and seconds, as the autoscaler's
// lag is talked about) and the policy it becomes, checked by the simulation's own schema. Every
// problem names the field as it reads on screen. Pure, so it is tested without a page.
import { autoscalerPolicySchema, MAX_TIER_SIZE, type AutoscalerPolicy } from '../../sim/scaling/autoscalerSchema';
import { LONGEST_WAIT_MS } from '../../sim/schemaBasics';
import { DEFAULT_TARGET_P99_MS, DEFAULT_TARGET_UTILIZATION } from '../architecture/scalingTier';
import { parseDraft, type NumberRule } from '../controls/numberDraft';

export type AutoscalerMode = AutoscalerPolicy['mode'];
export type DraftField = 'target' | 'minSize' | 'maxSize' | 'intervalS' | 'cooldownS';

/** The form as typed: numbers stay text until Apply, so a half-typed value is never sent. */
export interface AutoscalerDraft {
  readonly mode: AutoscalerMode;
  /** Percent of worker time busy (utilization) or milliseconds (p99). */
  readonly target: string;
  readonly minSize: string;
  readonly maxSize: string;
  readonly intervalS: string;
  readonly cooldownS: string;
}

export const FIELD_LABELS: Readonly<Record<DraftField, string>> = {
  target: 'Target',
  minSize: 'Fewest app servers',
  maxSize: 'Most app servers',
  intervalS: 'Looks every (s)',
  cooldownS: 'Cooldown after a decision (s)',
};

export const TARGET_LABELS: Readonly<Record<AutoscalerMode, string>> = {
  utilization: 'Target utilization (%)',
  p99: 'Target p99 (ms)',
};

/** Defaults for a target the policy does not have yet (the Architecture form's, too). */
const DEFAULT_TARGET: Readonly<Record<AutoscalerMode, string>> = {
  utilization: String(DEFAULT_TARGET_UTILIZATION * 100),
  p99: String(DEFAULT_TARGET_P99_MS),
};

/** Where a schema path lands in the form; fields the form does not show land on none. */
const FIELD_OF_PATH: Readonly<Record<string, DraftField>> = {
  targetUtilization: 'target',
  targetP99Ms: 'target',
  minSize: 'minSize',
  maxSize: 'maxSize',
  evaluationIntervalMs: 'intervalS',
  cooldownMs: 'cooldownS',
};

export interface DraftProblem {
  readonly field: DraftField | null;
  readonly message: string;
}

export type DraftResult =
  | { readonly ok: true; readonly policy: AutoscalerPolicy }
  | { readonly ok: false; readonly problems: readonly DraftProblem[] };

const text = (n: number) => String(Math.round(n * 1000) / 1000);

export function draftOf(policy: AutoscalerPolicy): AutoscalerDraft {
  return {
    mode: policy.mode,
    target: policy.mode === 'utilization' ? text(policy.targetUtilization * 100) : text(policy.targetP99Ms),
    minSize: text(policy.minSize),
    maxSize: text(policy.maxSize),
    intervalS: text(policy.evaluationIntervalMs / 1000),
    cooldownS: text(policy.cooldownMs / 1000),
  };
}

/** Switching the mode starts its target from the usual default, not from the other mode's number. */
export function withMode(draft: AutoscalerDraft, mode: AutoscalerMode, base: AutoscalerPolicy): AutoscalerDraft {
  if (mode === draft.mode) return draft;
  const target = base.mode === mode ? draftOf(base).target : DEFAULT_TARGET[mode];
  return { ...draft, mode, target };
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
}

/** The schema's words for fields, replaced by the words on screen ("at least minSize (6)"). */
function onScreen(message: string): string {
  return message.replace(/\bminSize\b/g, FIELD_LABELS.minSize.toLowerCase());
}

const HOUR_S = 3600;
const SIZE: NumberRule = { min: 1, max: MAX_TIER_SIZE, integer: true };
const above0 = (v: number) => (v > 0 ? null : 'Must be more than 0.');

/** Each field's own range, in the units on screen (the schema's are a share and milliseconds). */
function ruleOf(field: DraftField, mode: AutoscalerMode): NumberRule {
  switch (field) {
    case 'target':
      return mode === 'utilization'
        ? { min: 0, max: 99, check: above0 }
        : { min: 0, max: LONGEST_WAIT_MS, check: above0 };
    case 'minSize':
    case 'maxSize':
      return SIZE;
    case 'intervalS':
      return { min: 1, max: HOUR_S, integer: true };
    case 'cooldownS':
      return { min: 0, max: HOUR_S };
    default: {
      const never: never = field;
      return never;
    }
  }
}

/**
 * The policy the draft asks for, on top of `base` (so fields the form does not show, like the
 * tolerance or the provisioning delay, keep their values), or every problem with its field.
 */
export function policyOf(draft: AutoscalerDraft, base: AutoscalerPolicy, roomForAppServers: number): DraftResult {
  const problems: DraftProblem[] = [];
  const read = (field: DraftField, scale = 1): number => {
    const parsed = parseDraft(draft[field], ruleOf(field, draft.mode));
    if (parsed.ok) return parsed.value * scale;
    problems.push({ field, message: lowerFirst(parsed.error) });
    return Number.NaN;
  };
  const { targetUtilization: _u, targetP99Ms: _p, ...common } = base as AutoscalerPolicy & Record<string, unknown>;
  const target = read('target', draft.mode === 'utilization' ? 0.01 : 1);
  const candidate = {
    ...common,
    mode: draft.mode,
    ...(draft.mode === 'utilization' ? { targetUtilization: target } : { targetP99Ms: target }),
    minSize: read('minSize'),
    maxSize: read('maxSize'),
    evaluationIntervalMs: Math.round(read('intervalS', 1000)),
    cooldownMs: Math.round(read('cooldownS', 1000)),
  };
  // The simulation refuses this too; said here, beside the field, before anything is sent.
  if (candidate.maxSize > roomForAppServers)
    problems.push({
      field: 'maxSize',
      message: `must not exceed the ${roomForAppServers} app servers this scenario allows`,
    });
  if (problems.length > 0) return { ok: false, problems };
  const parsed = autoscalerPolicySchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: FIELD_OF_PATH[String(issue.path[0])] ?? null,
        message: onScreen(issue.message),
      })),
    };
  }
  return { ok: true, policy: parsed.data };
}

/** "Most app servers: must be at least …", for the list under the form. */
export function problemText(problem: DraftProblem, mode: AutoscalerMode): string {
  if (problem.field === null) return `Autoscaler: ${problem.message}`;
  const label = problem.field === 'target' ? TARGET_LABELS[mode] : FIELD_LABELS[problem.field];
  return `${label}: ${problem.message}`;
}
