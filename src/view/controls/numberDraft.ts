// Parsing and checking what a user typed into a number field, shared by NumberField and
// RangeField: both keep the text being typed as a draft and show the simulation's value otherwise.

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** A check that depends on other values (e.g. a quorum no larger than the replication factor). */
  readonly check?: (value: number) => string | null;
}

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

export function parseDraft(text: string, rule: NumberRule): Parsed {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: false, error: 'Enter a number.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: `"${text}" is not a number.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, error: 'Enter a whole number.' };
  if (rule.min !== undefined && value < rule.min)
    return { ok: false, error: `Must be at least ${formatNumber(rule.min)}.` };
  if (rule.max !== undefined && value > rule.max)
    return { ok: false, error: `Must be at most ${formatNumber(rule.max)}.` };
  const problem = rule.check?.(value) ?? null;
  return problem === null ? { ok: true, value } : { ok: false, error: problem };
}

/** Plain digits for an input field (no grouping, so the browser's number input accepts it). */
export function fieldText(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
