// Hostile values for the fuzz suite, and one way to aim them: take a valid object (a built-in
// scenario, a working experiment, a command) and replace one leaf, add one key or drop one.
// Random objects are refused at their first field; a valid object with one bad leaf reaches the
// code behind the validation, which is where hangs and crashes hide.
import fc from 'fast-check';

/**
 * Every fuzz property runs from this seed, so `npm test` sees the same cases each time. Set
 * FUZZ_SEED=<number> to explore others; fast-check prints the seed and path of any failure, and
 * passing both back (seed and path in fuzzRuns) replays it.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);

/**
 * A fuzz test's budget: three times its slowest run with both cores kept busy, for a machine twice
 * as slow. Measured alone (`../shared/tools/under-load -- npx vitest run src/fuzz`) and within
 * the whole suite under load (two test workers side by side); the larger figure counts.
 */
export const fuzzBudgetMs = (loadedS: number): number => Math.ceil(loadedS * 3) * 1000;

export function fuzzRuns(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: FUZZ_SEED, endOnFailure: true };
}

/** `levels` objects (or arrays) inside one another, built without recursion. */
export function nested(levels: number, asArray = false): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** An experiment whose edits nest `levels` deep, as JSON text: deeper than any object JSON.stringify can write. */
export function deepExperimentJson(levels: number): string {
  return `{"v":2,"base":"default","seed":1,"commands":[],"atMs":0,"edits":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
}

/** Numbers that break naive arithmetic: tiny, huge, negative zero, not finite, past 2^53. */
export const extremeNumber = fc.oneof(
  fc.constantFrom(
    1e-300,
    -1e-300,
    5e-324,
    1e308,
    -1e308,
    -0,
    0,
    -1,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** 32,
    2 ** 53 + 2,
  ),
  fc.double(),
  fc.integer(),
);

/** Simulated times far in the future (ms): past the interactive horizon, past the longest run. */
export const farFutureMs = fc.constantFrom(3_600_001, 1e10, 1e10 + 1, 1e12, 1e15, 1e300);

const strings = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '1e-300',
  '1e308',
  'NaN',
  '-0',
  'Infinity',
  '10',
  'app-999',
  'db-0',
  'rack-z',
  'lb~app-999',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  '\u202e',
  '💥',
];

/** Strings a careless parser might take for something else. */
export const hostileString = fc.oneof(fc.constantFrom(...strings), fc.string({ maxLength: 40 }));

/**
 * Values of the wrong kind, small enough to pack into a link cheaply (packing megabytes costs the
 * test more than the lab, which refuses long links before unpacking them).
 */
const wrongShape = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [1, 2, 3], { a: 1 }, { __proto__: null }),
  fc.constantFrom(40, 1000).chain((levels) => fc.boolean().map((asArray) => nested(levels, asArray))),
  fc.anything({ maxDepth: 3 }),
);

/**
 * Big values: a 100,000-character string, arrays past the value limit, nesting in the thousands.
 * Objects stop at 2,500 levels, as JSON.stringify (and fast-check's report of a failure) recurse
 * and overflow near 5,000: deeper nesting is written as text (see the file and link tests).
 */
const bigValue = fc.oneof(
  fc.constant('a'.repeat(100_000)),
  fc.constantFrom(10_000, 300_000).map((length) => new Array<number>(length).fill(1)),
  fc.boolean().map((asArray) => nested(2500, asArray)),
);

/** Any hostile value; `big` adds the costly ones. */
export function hostileValues(big: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: extremeNumber, weight: 8 },
    { arbitrary: farFutureMs, weight: 2 },
    { arbitrary: hostileString, weight: 6 },
    { arbitrary: wrongShape, weight: 4 },
    { arbitrary: bigValue, weight: big ? 1 : 0 },
  );
}

export const hostileValue = hostileValues(true);

export type Path = readonly (string | number)[];

/** Paths deeper than this, or inside longer arrays, are not aimed at: a hostile value already sits there. */
const AIM_DEPTH = 8;
const AIM_ARRAY = 64;

/** Every path to a value inside `root` (objects and arrays included), found without recursion. */
export function pathsOf(root: unknown): Path[] {
  const paths: Path[] = [];
  const stack: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.path.length > 0) paths.push(item.path);
    const { value, path } = item;
    if (typeof value !== 'object' || value === null || path.length >= AIM_DEPTH) continue;
    if (Array.isArray(value) && value.length > AIM_ARRAY) continue;
    for (const [key, child] of Object.entries(value))
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return paths;
}

/**
 * A copy of `root` with `value` at `path`, set as an own property (as JSON.parse would make
 * `__proto__`), or with that key removed when `value` is `REMOVE`. Only the objects along the
 * path are copied: the rest is shared, and may be nested too deep for structuredClone.
 */
export function withLeaf(root: unknown, path: Path, value: unknown): unknown {
  const top = shallowCopy(root);
  let parent = top;
  for (const key of path.slice(0, -1)) {
    const child = shallowCopy(parent[key]);
    parent[key] = child;
    parent = child;
  }
  const last = path.at(-1) as string | number;
  if (value === REMOVE) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return top;
}

function shallowCopy(value: unknown): Record<string | number, unknown> {
  if (Array.isArray(value)) return [...(value as unknown[])] as unknown as Record<number, unknown>;
  // Own properties only, `__proto__` included as a plain key.
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as object))
    Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
  return copy;
}

export const REMOVE = Symbol('remove the key');

/** Keys added beside the existing ones: prototype pollution and plain unknown fields. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', 'hasOwnProperty');

/**
 * A valid object made hostile in one place: a leaf (or whole branch) replaced by a hostile value,
 * a key removed, or a hostile key added to one of its objects.
 */
export function mutationOf(valid: object, value: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const objectPaths: Path[] = [[], ...paths.filter((p) => isObject(valueAt(valid, p)))];
  const path = oneOf(paths);
  return fc
    .oneof(
      { arbitrary: fc.tuple(path, value), weight: 6 },
      { arbitrary: fc.tuple(path, fc.constant<unknown>(REMOVE)), weight: 1 },
      {
        arbitrary: fc.tuple(oneOf(objectPaths), hostileKey, value).map(([p, k, v]) => [[...p, k], v] as const),
        weight: 1,
      },
    )
    .map(([path, leaf]) => withLeaf(valid, path, leaf));
}

/** One of many items (constantFrom spreads its arguments, which overflows for large lists). */
function oneOf<T>(items: readonly T[]): fc.Arbitrary<T> {
  return fc.nat({ max: items.length - 1 }).map((i) => items[i] as T);
}

/**
 * Numbers of a valid object pushed towards their bounds: each numeric leaf scaled by a power of
 * ten or set to a small constant, so many still pass validation and reach the code behind it.
 */
export function numbersPushed(valid: object, count = 2): fc.Arbitrary<unknown> {
  const numeric = pathsOf(valid).filter((p) => typeof valueAt(valid, p) === 'number');
  if (numeric.length === 0) return fc.constant(valid);
  const change = fc.tuple(oneOf(numeric), fc.constantFrom(0, 1e-300, 1e-9, 1e-3, 0.1, 10, 1000, 1e6), fc.boolean());
  return fc.array(change, { minLength: 1, maxLength: count }).map((changes) =>
    changes.reduce<unknown>((object, [path, factor, scale]) => {
      const old = valueAt(object, path) as number;
      return withLeaf(object, path, scale ? old * factor : Math.min(factor, 1e6));
    }, valid),
  );
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  return value;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
