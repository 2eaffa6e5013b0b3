// A lesson's cluster is a built-in scenario plus a few edits (a JSON merge patch: objects merge,
// null removes, everything else replaces), validated like any scenario from outside.
import { getBuiltInScenario, parseScenario, type Scenario } from '../sim/index';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386 merge patch: objects merge, null removes a key, anything else replaces. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Json = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** The scenario a lesson (or one of its restarts) runs; throws naming the fields when invalid. */
export function lessonScenario(baseId: string, ...edits: readonly Json[]): Scenario {
  const base = getBuiltInScenario(baseId);
  if (!base) throw new Error(`unknown built-in scenario "${baseId}"`);
  const merged = edits.reduce<unknown>((acc, edit) => mergePatch(acc, edit), base);
  const parsed = parseScenario(merged);
  if (!parsed.ok) throw new Error(`lesson scenario is invalid: ${parsed.errors.join('; ')}`);
  return parsed.value;
}
