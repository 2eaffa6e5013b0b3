// The reference an engine is measured against, run in the same process: a minimal hold-model
// event loop (Vaucher & Duval) with a flat binary heap keyed by time with a sequence tie-break,
// a seeded xoshiro128** generator and one exponential draw per event. Same algorithm as the
// flat-seq variant of shared/bench/des-floor.mjs.

function xoshiro(seed: number): () => number {
  let s = seed >>> 0;
  const sm = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  return () => {
    const r = Math.imul(b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return result / 4294967296;
  };
}

/** Runs `events` hold-model events with `pending` events in the heap; returns a checksum. */
export function runReferenceLoop(events: number, pending: number, seed: number): number {
  const rnd = xoshiro(seed);
  const cap = pending + 1;
  const t = new Float64Array(cap);
  const s = new Float64Array(cap);
  const v = new Int32Array(cap);
  let n = 0;
  let seq = 0;
  const push = (time: number, val: number): void => {
    const sq = seq++;
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p] as number;
      if (pt < time || (pt === time && (s[p] as number) < sq)) break;
      t[i] = pt;
      s[i] = s[p] as number;
      v[i] = v[p] as number;
      i = p;
    }
    t[i] = time;
    s[i] = sq;
    v[i] = val;
  };
  const pop = (): number => {
    const top = v[0] as number;
    const last = --n;
    if (last > 0) {
      const time = t[last] as number;
      const sq = s[last] as number;
      const val = v[last] as number;
      const half = last >> 1;
      let i = 0;
      while (i < half) {
        let c = 2 * i + 1;
        let ct = t[c] as number;
        let cs = s[c] as number;
        const r = c + 1;
        if (r < last) {
          const rt = t[r] as number;
          if (rt < ct || (rt === ct && (s[r] as number) < cs)) {
            c = r;
            ct = rt;
            cs = s[r] as number;
          }
        }
        if (ct > time || (ct === time && cs > sq)) break;
        t[i] = ct;
        s[i] = cs;
        v[i] = v[c] as number;
        i = c;
      }
      t[i] = time;
      s[i] = sq;
      v[i] = val;
    }
    return top;
  };
  for (let i = 0; i < pending; i++) push(-Math.log(1 - rnd()) * pending, i);
  let now = 0;
  let checksum = 0;
  for (let k = 0; k < events; k++) {
    now = t[0] as number;
    const id = pop();
    checksum = (checksum + id) | 0;
    push(now - Math.log(1 - rnd()) * pending, id);
  }
  return now + checksum;
}
