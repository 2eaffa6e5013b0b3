// How deep and how big outside data is, measured without recursion. Links, files, host messages
// and attributes can nest thousands of levels; zod, mergePatch, unsafeKey and diffPatch all
// recurse, so this check runs first and keeps them from overflowing the stack.

/** Deeper than any real scenario (about six levels) by a wide margin. */
export const MAX_NESTING = 32;
/** More values than a 1 MB experiment file can hold. */
export const MAX_VALUES = 250_000;

export type NestingProblem =
  { readonly kind: 'deep'; readonly depth: number } | { readonly kind: 'big' } | { readonly kind: 'loop' };

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  /** Set on the marker that takes an object off the current path once its children are done. */
  readonly leaving?: object;
}

/**
 * The first problem with nested data (objects and arrays count as levels), or null. Cycle-safe:
 * a structured-clone message can contain itself, and that is reported instead of walked forever.
 */
export function measureNesting(root: unknown, maxDepth = MAX_NESTING, maxValues = MAX_VALUES): NestingProblem | null {
  const onPath = new Set<object>();
  const stack: Visit[] = [{ value: root, depth: 1 }];
  let values = 0;
  let deepest = 0;
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    if (visit.leaving) {
      onPath.delete(visit.leaving);
      continue;
    }
    const { value, depth } = visit;
    values++;
    // Binary data (a structured-clone message may carry it) nests nothing: one value.
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (onPath.has(value)) return { kind: 'loop' };
    deepest = Math.max(deepest, depth);
    // Counted before the children are listed, so a huge array is refused without copying it.
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (values + stack.length + size > maxValues) return { kind: 'big' };
    const children = Object.values(value);
    onPath.add(value);
    stack.push({ value: null, depth, leaving: value });
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest > maxDepth ? { kind: 'deep', depth: deepest } : null;
}

/** A sentence about `what` (e.g. "The experiment's edits"), or null when it is within limits. */
export function describeNesting(what: string, value: unknown, plural = true): string | null {
  const problem = measureNesting(value);
  if (!problem) return null;
  const [are, hold, loops] = plural
    ? ['are', 'hold', 'refer back to themselves']
    : ['is', 'holds', 'refers back to itself'];
  switch (problem.kind) {
    case 'deep':
      return `${what} ${are} nested ${problem.depth.toLocaleString('en-US')} levels deep; at most ${MAX_NESTING} are allowed.`;
    case 'big':
      return `${what} ${hold} more than ${MAX_VALUES.toLocaleString('en-US')} values; an experiment needs far fewer.`;
    case 'loop':
      return `${what} ${loops} in a loop, which an experiment never does.`;
    default: {
      const never: never = problem;
      return never;
    }
  }
}
