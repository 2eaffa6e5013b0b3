// The future event list: a binary min-heap in flat typed arrays, ordered by (timeMs, seq).
// A sequence number breaks ties so simultaneous events run in the order they were scheduled:
// a plain heap returns equal keys in no fixed order (see mourner/flatqueue), which would make
// runs irreproducible. No allocation per push; capacity doubles when full, up to a hard limit.
import { InputError } from './limits';

export const MAX_PENDING_EVENTS = 1 << 24;

export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private auxes: Int32Array;
  private nextSeq = 0;
  size = 0;

  constructor(capacity = 1024) {
    capacity = Math.max(1, capacity);
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
    this.auxes = new Int32Array(capacity);
  }

  /** Time of the earliest event; +Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? (this.times[0] as number) : Number.POSITIVE_INFINITY;
  }

  /** Set by pop(): the payload and aux word of the event just removed. */
  poppedPayload = 0;
  poppedAux = 0;

  push(timeMs: number, payload: number, aux: number): void {
    if (this.size === this.times.length) this.grow();
    const t = this.times;
    const s = this.seqs;
    const p = this.payloads;
    const x = this.auxes;
    const seq = this.nextSeq++;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = t[parent] as number;
      if (pt < timeMs || (pt === timeMs && (s[parent] as number) < seq)) break;
      t[i] = pt;
      s[i] = s[parent] as number;
      p[i] = p[parent] as number;
      x[i] = x[parent] as number;
      i = parent;
    }
    t[i] = timeMs;
    s[i] = seq;
    p[i] = payload;
    x[i] = aux;
  }

  /** Removes the earliest event and returns its time; payload and aux are left in poppedPayload/poppedAux. */
  pop(): number {
    const t = this.times;
    const s = this.seqs;
    const p = this.payloads;
    const x = this.auxes;
    const top = t[0] as number;
    this.poppedPayload = p[0] as number;
    this.poppedAux = x[0] as number;
    const n = --this.size;
    if (n > 0) {
      const time = t[n] as number;
      const seq = s[n] as number;
      const payload = p[n] as number;
      const aux = x[n] as number;
      const half = n >> 1;
      let i = 0;
      while (i < half) {
        // The earlier child, chosen by arithmetic rather than a branch: which one it is is a coin
        // flip that a branch predictor gets wrong half the time (mourner/flatqueue's trick).
        // t[r] is in bounds when r === n (the old last slot); r < n masks it out then.
        const l = 2 * i + 1;
        const r = l + 1;
        const lt = t[l] as number;
        const rt = t[r] as number;
        const c = l + (+(r < n) & (+(rt < lt) | (+(rt === lt) & +((s[r] as number) < (s[l] as number)))));
        const ct = t[c] as number;
        const cs = s[c] as number;
        if (ct > time || (ct === time && cs > seq)) break;
        t[i] = ct;
        s[i] = cs;
        p[i] = p[c] as number;
        x[i] = x[c] as number;
        i = c;
      }
      t[i] = time;
      s[i] = seq;
      p[i] = payload;
      x[i] = aux;
    }
    return top;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    if (capacity > MAX_PENDING_EVENTS)
      throw new InputError(
        'clients.rateRps',
        `clients.rateRps: more than ${MAX_PENDING_EVENTS} events are waiting at once (event queue limit reached); lower the arrival rate, the fan-out or the timeouts`,
      );
    const copy = <T extends Float64Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.times = copy(this.times, new Float64Array(capacity));
    this.seqs = copy(this.seqs, new Float64Array(capacity));
    this.payloads = copy(this.payloads, new Int32Array(capacity));
    this.auxes = copy(this.auxes, new Int32Array(capacity));
  }
}
