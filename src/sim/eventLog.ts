// The run's fingerprint and its human-sized story. Every processed event is folded into a 64-bit
// hash (two 32-bit lanes, murmur3-style mixing): same scenario, seed and commands give the same
// hash. Notable events (faults, repairs, commands) go to a bounded ring for people to read.
import type { EventCause, NotableEvent } from './snapshot';

export const NOTABLE_LIMIT = 500;

const floatView = new Float64Array(1);
const wordView = new Uint32Array(floatView.buffer);

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class EventLog {
  /** The two hash lanes, in a typed array: as fields, 32-bit words would be boxed in Chromium (see Rng). */
  private readonly h = Int32Array.of(0x9747b28c | 0, 0x2f3a5c71 | 0);
  events = 0;
  private readonly notable: NotableEvent[] = [];
  private notableStart = 0;
  /** Notable events ever noted (the ring keeps the last NOTABLE_LIMIT). */
  notableTotal = 0;

  /** Folds one processed event (its time, kind and the words that identify it) into the hash. */
  record(timeMs: number, kind: number, index: number, aux: number): void {
    floatView[0] = timeMs;
    const lo = wordView[0] as number;
    const hi = wordView[1] as number;
    const h = this.h;
    h[0] = mix(h[0] as number, lo ^ Math.imul(kind, 0x9e3779b1) ^ index);
    h[1] = mix(h[1] as number, hi ^ aux ^ Math.imul(index, 0x85ebca6b));
    this.events++;
  }

  hash(): string {
    const a = finish((this.h[0] as number) ^ this.events);
    const b = finish((this.h[1] as number) ^ Math.imul(this.events, 0x9e3779b1));
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }

  /** Only the type and target are hashed: details and causes can be reworded without changing any run. */
  note(timeMs: number, type: string, target: string, detail: string, cause: EventCause, noop = false): void {
    this.notableTotal++;
    const seq = this.notableTotal;
    const event: NotableEvent = noop
      ? { seq, timeMs, type, target, detail, cause, noop: true }
      : { seq, timeMs, type, target, detail, cause };
    if (this.notable.length < NOTABLE_LIMIT) this.notable.push(event);
    else {
      this.notable[this.notableStart] = event;
      this.notableStart = (this.notableStart + 1) % NOTABLE_LIMIT;
    }
    // Notable events are part of the run too: fold their text into the hash.
    const h = this.h;
    for (let i = 0; i < type.length; i++) h[0] = mix(h[0] as number, type.charCodeAt(i));
    for (let i = 0; i < target.length; i++) h[1] = mix(h[1] as number, target.charCodeAt(i));
  }

  /** Events noted after the first `seen` (as many as the ring still holds), oldest first. */
  since(seen: number): { newEvents: NotableEvent[]; total: number } {
    const missing = Math.min(this.notableTotal - seen, this.notable.length);
    return { newEvents: missing > 0 ? this.recent().slice(-missing) : [], total: this.notableTotal };
  }

  /** Oldest first. */
  recent(): NotableEvent[] {
    return [...this.notable.slice(this.notableStart), ...this.notable.slice(0, this.notableStart)];
  }
}
