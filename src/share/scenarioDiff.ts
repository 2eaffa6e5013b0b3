// The smallest merge patch that turns one scenario into another, so a link carries only what a
// user or lesson changed from a built-in scenario instead of the whole cluster.
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON merge patch (RFC 7386) from `from` to `to`; undefined when they are equal. */
export function diffPatch(from: unknown, to: unknown): unknown {
  if (isObject(from) && isObject(to)) {
    const patch: Json = {};
    for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
    for (const [key, value] of Object.entries(to)) {
      const sub = diffPatch(from[key], value);
      if (sub !== undefined) patch[key] = sub;
    }
    return Object.keys(patch).length > 0 ? patch : undefined;
  }
  return JSON.stringify(from) === JSON.stringify(to) ? undefined : to;
}
