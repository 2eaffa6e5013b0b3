// The Architecture form's draft (what the learner typed, before Apply) and how it becomes a
// scenario: each setting writes its value, then the sim's own schema checks the result, so the
// form refuses exactly what a scenario file or link would. Every message names its field.
import { scenarioSchema, type Scenario } from '../../sim/index';
import { diffPatch } from '../../share/scenarioDiff';
import { ALL_SETTINGS, type NumberSetting, type TierSetting } from './tiers';

/** Text for number settings (kept as typed), on/off for toggles, the value of a choice; by setting key. */
export type Draft = Readonly<Record<string, string | boolean>>;

/** A problem with the draft; `key` is the setting it belongs to, or null for the whole scenario. */
export interface DraftProblem {
  readonly key: string | null;
  readonly message: string;
}

export type DraftResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly DraftProblem[] };

export function draftOf(scenario: Scenario, settings: readonly TierSetting[] = ALL_SETTINGS): Draft {
  return Object.fromEntries(settings.map((s) => [s.key, draftValue(s, scenario)]));
}

function draftValue(setting: TierSetting, scenario: Scenario): string | boolean {
  if (setting.kind !== 'number') return setting.read(scenario);
  const value = setting.read(scenario);
  return value === undefined ? '' : String(value);
}

/**
 * Whether a setting is in play: one that depends on a toggle or a choice is hidden and ignored
 * unless it has the value asked for and is itself in play (the autoscaler's target needs scaling on,
 * the autoscaler on and its mode).
 */
export function isActive(setting: TierSetting, draft: Draft, settings: readonly TierSetting[] = ALL_SETTINGS): boolean {
  const conditions = setting.onlyWhen === undefined ? [] : [setting.onlyWhen].flat();
  return conditions.every((c) => {
    const owner = settings.find((s) => s.key === c.key);
    return draft[c.key] === c.is && (owner === undefined || isActive(owner, draft, settings));
  });
}

function parseNumber(setting: NumberSetting, text: string): number | undefined | string {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return setting.optional ? undefined : 'enter a number';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `"${text}" is not a number`;
  if (setting.step === 1 && !Number.isInteger(value)) return 'must be a whole number';
  // The schema says the same (a test keeps the two bounds equal); checked here so every field
  // at fault is named at once, not only those the schema reaches after the others parse.
  if (value < setting.min) return `must be at least ${setting.min}`;
  if (value > setting.max) return `must be at most ${setting.max}`;
  return value;
}

/** Zod's issue, in the words the lab's other forms use ("must be at least 1"). */
function issueWords(issue: {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
}) {
  if (issue.code === 'too_small' && typeof issue.minimum !== 'object')
    return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
  if (issue.code === 'too_big' && typeof issue.maximum !== 'object')
    return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
  return issue.message;
}

/** Messages read "Storage disk slots: must be at least 1", naming the field on screen. */
export function problemText(problem: DraftProblem, settings: readonly TierSetting[] = ALL_SETTINGS): string {
  const setting = settings.find((s) => s.key === problem.key);
  return `${setting?.name ?? problem.key ?? 'The scenario'}: ${problem.message}`;
}

/** The base scenario with the draft written in, checked by the schema; nothing changes on failure. */
export function applyDraft(base: Scenario, draft: Draft, settings: readonly TierSetting[] = ALL_SETTINGS): DraftResult {
  let scenario = base;
  const problems: DraftProblem[] = [];
  for (const setting of settings) {
    const value = draft[setting.key];
    if (!isActive(setting, draft, settings) || value === undefined) continue;
    if (setting.kind === 'toggle') {
      scenario = setting.write(scenario, value === true);
      continue;
    }
    if (setting.kind === 'choice') {
      scenario = setting.write(scenario, String(value));
      continue;
    }
    const parsed = parseNumber(setting, String(value));
    if (typeof parsed === 'string') problems.push({ key: setting.key, message: parsed });
    else scenario = setting.write(scenario, parsed);
  }
  if (problems.length > 0) return { ok: false, problems };
  for (const setting of settings) {
    if (setting.kind !== 'number' || !setting.check || !isActive(setting, draft, settings)) continue;
    const value = setting.read(scenario);
    const message = value === undefined ? null : setting.check(value, scenario);
    if (message) problems.push({ key: setting.key, message });
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed = scenarioSchema.safeParse(scenario);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      const owner = settings.find((s) => s.key === path || s.paths?.(scenario).includes(path));
      return owner
        ? { key: owner.key, message: issueWords(issue) }
        : { key: null, message: `${path}: ${issue.message}` };
    }),
  };
}

/** Whether applying the draft would change nothing (Apply then only says so); key order aside. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return diffPatch(a, b) === undefined;
}
