// Attempt timeouts. Every attempt gets a deadline now + timeoutMs, and simulated time only moves
// forward, so deadlines arrive in order while the timeout policy is unchanged: a FIFO ring is
// then an exact priority queue, at O(1) instead of a heap push. A deadline that would break the
// order (after the timeout is shortened) is refused, and the caller puts it in the event queue.

import { InputError } from './limits';

/** Attempts waiting for their timeout at once; beyond this the engine stops with a clear error. */
export const MAX_DEADLINES = 1 << 24;

export class DeadlineQueue {
  private times = new Float64Array(1024);
  private slots = new Int32Array(1024);
  private auxes = new Int32Array(1024);
  private head = 0;
  size = 0;

  peekTime(): number {
    return this.size > 0 ? (this.times[this.head] as number) : Number.POSITIVE_INFINITY;
  }

  /** Returns false (and stores nothing) if timeMs is earlier than the last deadline queued. */
  push(timeMs: number, slot: number, aux: number): boolean {
    const cap = this.times.length;
    if (this.size > 0 && timeMs < (this.times[(this.head + this.size - 1) & (cap - 1)] as number)) return false;
    if (this.size === cap) this.grow();
    const i = (this.head + this.size) & (this.times.length - 1);
    this.times[i] = timeMs;
    this.slots[i] = slot;
    this.auxes[i] = aux;
    this.size++;
    return true;
  }

  poppedSlot = 0;
  poppedAux = 0;

  pop(): number {
    const i = this.head;
    const t = this.times[i] as number;
    this.poppedSlot = this.slots[i] as number;
    this.poppedAux = this.auxes[i] as number;
    this.head = (i + 1) & (this.times.length - 1);
    this.size--;
    return t;
  }

  private grow(): void {
    const cap = this.times.length;
    if (cap * 2 > MAX_DEADLINES)
      throw new InputError(
        'clients.rateRps',
        `clients.rateRps: more than ${MAX_DEADLINES} attempts are waiting for their timeout at once (deadline queue limit reached); lower the arrival rate or policy.timeoutMs`,
      );
    const times = new Float64Array(cap * 2);
    const slots = new Int32Array(cap * 2);
    const auxes = new Int32Array(cap * 2);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & (cap - 1);
      times[k] = this.times[i] as number;
      slots[k] = this.slots[i] as number;
      auxes[k] = this.auxes[i] as number;
    }
    this.times = times;
    this.slots = slots;
    this.auxes = auxes;
    this.head = 0;
  }
}
