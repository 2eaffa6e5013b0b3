// A lesson's cluster is a built-in scenario plus a few edits (a JSON merge patch: objects merge,
// null removes, everything else replaces), validated like any scenario from outside.
import { getBuiltInScenario, parseScenario, type Scenario } from '../sim/index';

type Json = Record<string, unknown>;

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key in nested data that could reach a prototype, if any. */
export function unsafeKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(key)) return key;
    const deeper = unsafeKey(inner);
    if (deeper) return deeper;
  }
  return null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386 merge patch: objects merge, null removes a key, anything else replaces. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Json = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (UNSAFE_KEYS.has(key)) continue; // never let outside data reach an object's prototype
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
