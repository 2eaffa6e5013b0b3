// The chance a replica group loses its data within a time, from the Markov model the odds lessons
// compare with (issue 16): r copies, each failing at rate λ = 1/MTTF and, once failed, rebuilt at
// rate μ = 1/MTTR (each failed copy on its own: repairs run in parallel). State k is the number of
// failed copies; k = r (every copy gone) absorbs. The chance is the mass in state r at time T,
// P(T) = [exp(Q·T)]₀,ᵣ, computed by scaling and squaring a Taylor series (r is small). Left out:
// correlated failures (a rack), detection time before a repair starts, repair bandwidth limits.

export interface ReplicaGroup {
  readonly replicas: number;
  readonly mttfHours: number;
  readonly mttrHours: number;
}

/** The generator Q (rows sum to 0), states 0..r failed copies. */
export function generator(g: ReplicaGroup): number[][] {
  const r = g.replicas;
  const lambda = 1 / g.mttfHours;
  const mu = 1 / g.mttrHours;
  const q = Array.from({ length: r + 1 }, () => new Array<number>(r + 1).fill(0));
  for (let k = 0; k < r; k++) {
    const row = q[k] as number[];
    row[k + 1] = (r - k) * lambda;
    if (k > 0) row[k - 1] = k * mu;
    row[k] = -((row[k + 1] as number) + (k > 0 ? (row[k - 1] as number) : 0));
  }
  return q; // the last row stays 0: loss is for good
}

function multiply(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = (a[i] as number[])[k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++)
        (out[i] as number[])[j] = ((out[i] as number[])[j] as number) + aik * ((b[k] as number[])[j] as number);
    }
  return out;
}

/** exp(M) for a small matrix: M / 2^s has norm under 1/2, a 30-term Taylor series, then s squarings. */
export function expm(m: number[][]): number[][] {
  const n = m.length;
  let norm = 0;
  for (const row of m)
    norm = Math.max(
      norm,
      row.reduce((sum, v) => sum + Math.abs(v), 0),
    );
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scaled = m.map((row) => row.map((v) => v / 2 ** s));
  let term: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let sum = term.map((row) => [...row]);
  for (let k = 1; k <= 30; k++) {
    term = multiply(term, scaled).map((row) => row.map((v) => v / k));
    sum = sum.map((row, i) => row.map((v, j) => v + ((term[i] as number[])[j] as number)));
  }
  for (let i = 0; i < s; i++) sum = multiply(sum, sum);
  return sum;
}

/** The chance one group, all copies healthy at the start, has lost every copy by horizonHours. */
export function groupLossProbability(g: ReplicaGroup, horizonHours: number): number {
  if (!Number.isInteger(g.replicas) || g.replicas < 1 || g.replicas > 8)
    throw new RangeError(`replicas must be an integer from 1 to 8, not ${g.replicas}`);
  if (!(g.mttfHours > 0) || !(g.mttrHours > 0) || !(horizonHours >= 0))
    throw new RangeError('MTTF, MTTR and the horizon must be positive');
  const q = generator(g).map((row) => row.map((v) => v * horizonHours));
  const p = (expm(q)[0] as number[])[g.replicas] as number;
  return Math.min(1, Math.max(0, p));
}

/** The chance any of `groups` independent groups loses its data by horizonHours. */
export function anyGroupLossProbability(g: ReplicaGroup, groups: number, horizonHours: number): number {
  const one = groupLossProbability(g, horizonHours);
  // 1 − (1 − p)^G without losing a tiny p to rounding.
  return -Math.expm1(groups * Math.log1p(-one));
}
