// The users: an open-loop Poisson source of requests (arrivals do not wait for replies, as with
// real independent users), each retried by the client policy after an error or a timeout.
// Left out: closed-loop users, think time, sessions, request priorities.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { CLIENTS, MAX_REQUESTS_IN_FLIGHT, RequestState } from '../codes';
import { forward, releaseOutstanding } from './loadBalancer';
import { growRequests } from '../requestPool';
import { whyTimedOut } from '../trace/traceWhy';
import { searchIssued } from '../pipeline/searchRound';

export const FLAG_WRITE = 1;
export const FLAG_POISON = 2;
/** A search, served by the search index (clients.searchShare). */
export const FLAG_SEARCH = 4;
const GEN_MASK = 0x7ffffff;

export function attemptAux(st: SimState, slot: number): number {
  return (((st.reqGen[slot] as number) & GEN_MASK) << 4) | (st.reqAttempt[slot] as number);
}

/** Whether an event's aux word still names the request's current attempt. */
export function isCurrent(st: SimState, slot: number, aux: number): boolean {
  return st.reqState[slot] === RequestState.attempt && attemptAux(st, slot) === aux;
}

/** Draws the next arrival. Rate changes re-draw it, which is exact because arrivals are memoryless. */
export function scheduleNextArrival(st: SimState): void {
  st.arrivalToken = (st.arrivalToken + 1) | 0;
  const rate = st.rateRps * st.loadMultiplier;
  if (!(rate > 0)) return;
  st.at(st.nowMs + st.rng.arrivals.exponential(1000 / rate), EventKind.arrival, 0, st.arrivalToken);
}

export function onArrival(st: SimState, aux: number): boolean {
  if (aux !== st.arrivalToken) return false;
  // One draw splits reads, searches and writes, so a run without searches draws as before.
  const u = st.rng.arrivals.next();
  issueRequest(st, u < st.readShare ? 0 : u < st.readShare + st.searchShare ? FLAG_SEARCH : FLAG_WRITE);
  scheduleNextArrival(st);
  return true;
}

export function issueRequest(st: SimState, flags: number): void {
  st.metrics.issued();
  if (st.freeRequests.length === 0) {
    if (st.requestCapacity >= MAX_REQUESTS_IN_FLIGHT) {
      st.metrics.failed(); // the client itself is out of memory for requests: shed
      return;
    }
    growRequests(st, st.requestCapacity * 2);
  }
  const slot = st.freeRequests.pop() as number;
  st.reqGen[slot] = ((st.reqGen[slot] as number) + 1) & GEN_MASK;
  st.reqState[slot] = RequestState.attempt;
  st.reqAttempt[slot] = 0;
  st.reqFlags[slot] = flags;
  st.reqStartMs[slot] = st.nowMs;
  // A retry asks for the same data as the first attempt: its partitions come from this key.
  st.reqKeySeed[slot] = st.rng.keys.int(0x7fffffff);
  if ((flags & FLAG_SEARCH) !== 0 && st.pipeline !== null) searchIssued(st, st.pipeline, slot);
  st.requestsInFlight++;
  const ratio = st.policy.retry.budgetRatio;
  st.retryTokens = Math.min(st.retryTokens + ratio, 10 + 100 * ratio);
  st.observer?.({
    type: 'requestIssued',
    timeMs: st.nowMs,
    request: slot,
    write: (flags & FLAG_WRITE) !== 0,
    poison: (flags & FLAG_POISON) !== 0,
  });
  st.tracer?.issued(slot, (flags & FLAG_WRITE) !== 0, st.nowMs);
  startAttempt(st, slot);
}

function startAttempt(st: SimState, slot: number): void {
  const attempt = ((st.reqAttempt[slot] as number) + 1) & 15;
  st.reqAttempt[slot] = attempt;
  st.reqState[slot] = RequestState.attempt;
  st.reqAttemptStartMs[slot] = st.nowMs;
  st.reqServer[slot] = -1;
  st.metrics.attempt(attempt > 1);
  if (st.tracer?.watches(slot)) st.tracer.step(slot, { type: 'attemptStarted', atMs: st.nowMs, attempt });
  const aux = attemptAux(st, slot);
  const deadline = st.nowMs + st.policy.timeoutMs;
  if (!st.deadlines.push(deadline, slot, aux)) st.at(deadline, EventKind.attemptTimeout, slot, aux);
  forward(st, slot, aux);
}

export function onTimeout(st: SimState, slot: number, aux: number): boolean {
  if (!isCurrent(st, slot, aux)) return false;
  st.metrics.timedOut();
  st.observer?.({ type: 'attemptTimedOut', timeMs: st.nowMs, request: slot });
  const tracer = st.tracer;
  if (tracer?.watches(slot)) {
    const why = whyTimedOut(st, tracer.stepsOf(slot));
    tracer.step(slot, { type: 'timedOut', atMs: st.nowMs, attempt: st.reqAttempt[slot] as number, why });
    tracer.mark(st, slot, 'timedOut', CLIENTS);
  }
  releaseOutstanding(st, slot);
  attemptFailed(st, slot);
  return true;
}

export function onRetryDue(st: SimState, slot: number, aux: number): void {
  if (st.reqState[slot] !== RequestState.backoff || attemptAux(st, slot) !== aux) return;
  startAttempt(st, slot);
}

/** After an error reply or a timeout: retry per policy, or give up. */
export function attemptFailed(st: SimState, slot: number): void {
  const retry = st.policy.retry;
  const attempt = st.reqAttempt[slot] as number;
  let allowed = retry.strategy !== 'none' && attempt < retry.maxAttempts;
  if (allowed && retry.strategy === 'budget') {
    allowed = st.retryTokens >= 1;
    if (allowed) st.retryTokens -= 1;
  }
  if (!allowed) {
    if (st.tracer?.watches(slot))
      st.tracer.step(slot, { type: 'gaveUp', atMs: st.nowMs, why: whyNoRetry(st, attempt) });
    finishRequest(st, slot, false);
    return;
  }
  let delay = retry.baseDelayMs;
  if (retry.strategy === 'exponential' || retry.strategy === 'budget') {
    delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  }
  if (retry.jitter) delay = st.rng.retries.next() * delay;
  st.reqState[slot] = RequestState.backoff;
  if (st.tracer?.watches(slot)) st.tracer.step(slot, { type: 'backoff', atMs: st.nowMs, delayMs: delay });
  st.at(st.nowMs + delay, EventKind.retryDue, slot, attemptAux(st, slot));
}

function whyNoRetry(st: SimState, attempt: number): string {
  const retry = st.policy.retry;
  if (retry.strategy === 'none') return 'retries are off';
  if (attempt >= retry.maxAttempts) return `no attempts left (${retry.maxAttempts} allowed)`;
  return 'the retry budget was spent';
}

export function finishRequest(st: SimState, slot: number, success: boolean): void {
  if (success) {
    const latencyMs = st.nowMs - (st.reqStartMs[slot] as number);
    st.metrics.succeeded(latencyMs);
    st.observer?.({ type: 'requestSucceeded', timeMs: st.nowMs, request: slot, latencyMs });
  } else {
    st.metrics.failed();
    st.observer?.({ type: 'requestFailed', timeMs: st.nowMs, request: slot });
    st.tracer?.mark(st, slot, 'gaveUp', CLIENTS);
  }
  st.tracer?.finished(st, slot, success, st.nowMs - (st.reqStartMs[slot] as number));
  st.reqState[slot] = RequestState.free;
  // A new generation makes every event still pending for this slot stale.
  st.reqGen[slot] = ((st.reqGen[slot] as number) + 1) & GEN_MASK;
  st.freeRequests.push(slot);
  st.requestsInFlight--;
}
