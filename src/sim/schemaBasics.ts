// The pieces every schema of the simulation shares: the longest times it accepts and the way a
// zod error becomes one line per problem. Apart from scenarioSchema.ts so the tier schemas
// (cache, scaling, autoscaler) can use them without an import cycle.
import type { z } from 'zod';

/** The longest run (durationS ≤ 1e7 s), ms: no simulated time need be later. */
export const LONGEST_RUN_MS = 1e10;
/** The longest wait a request can meet (timeouts, delays, one service or disk time), ms. */
export const LONGEST_WAIT_MS = 600_000;

/** Turns zod issues into one line per problem, each naming the field, e.g. `policy.timeoutMs: must be > 0`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };
