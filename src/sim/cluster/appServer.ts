// App servers: a pool of workers in front of a bounded FIFO queue. An attempt that finds all
// workers busy waits; one that finds the queue full is rejected at once (load shedding). Service
// time comes from the scenario's distribution, stretched by the server's slowdown factor (a gray
// failure) and, under a bad configuration, for a share of requests. Servers never learn that a
// client gave up, so abandoned attempts are still served: the wasted work behind retry storms.
// Left out: CPU contention between workers, garbage-collection pauses, warm-up.
import { EventKind } from '../events';
import type { SimState } from '../state';
import { BALANCER, CLIENTS, NodeStatusCode, Outcome } from '../codes';
import { FLAG_POISON, FLAG_SEARCH, isCurrent } from './client';
import { beginSearch } from '../pipeline/searchRound';
import { stillTalking } from './network';
import { crashNode } from './node';
import { sendReply } from './reply';
import { beginStorageRound } from './storage';
import { traceDroppedOnArrival } from '../trace/traceHops';
import { appCapacityServers } from '../scaling/scalingState';

export function onServerArrival(st: SimState, slot: number, aux: number): void {
  // Attempts abandoned in transit are not served (they would be dropped within a hop anyway).
  if (!isCurrent(st, slot, aux)) return;
  const a = st.reqServer[slot] as number;
  if (a < 0) return;
  const node = st.appNode(a);
  const sent = st.reqAttemptStartMs[slot] as number;
  const traced = st.tracer?.watches(slot) === true;
  if (!stillTalking(st, CLIENTS, BALANCER, 0, sent) || !stillTalking(st, BALANCER, node, st.balancerLink(a), sent)) {
    if (traced) traceDroppedOnArrival(st, slot, node);
    return;
  }
  st.observer?.({ type: 'requestReceived', timeMs: st.nowMs, request: slot, server: a, sentMs: sent });
  if ((st.busy[a] as number) < st.workers) {
    st.metrics.admitted(false);
    startService(st, a, slot, aux);
  } else if ((st.queueLength[a] as number) < st.policy.queueLimit) {
    st.metrics.admitted(true);
    if (traced) st.tracer?.step(slot, { type: 'queued', atMs: st.nowMs, node, ahead: st.queueLength[a] as number });
    const cap = st.queueCapacity;
    const i = a * cap + (((st.queueHead[a] as number) + (st.queueLength[a] as number)) % cap);
    st.queueSlot[i] = slot;
    st.queueAux[i] = aux;
    st.queueLength[a] = (st.queueLength[a] as number) + 1;
  } else {
    if (traced) {
      st.tracer?.step(slot, { type: 'rejected', atMs: st.nowMs, node, queueLimit: st.policy.queueLimit });
      st.tracer?.mark(st, slot, 'rejected', node);
    }
    sendReply(st, slot, aux, Outcome.rejected, a, st.nowMs);
  }
}

function accountBusy(st: SimState, a: number): void {
  st.busyArea[a] = (st.busyArea[a] as number) + (st.busy[a] as number) * (st.nowMs - (st.busyChangedAt[a] as number));
  st.busyChangedAt[a] = st.nowMs;
}

function startService(st: SimState, a: number, slot: number, aux: number): void {
  const traced = st.tracer?.watches(slot) === true;
  if (((st.reqFlags[slot] as number) & FLAG_POISON) !== 0) {
    if (traced) {
      st.tracer?.step(slot, { type: 'poisonCrash', atMs: st.nowMs, node: st.appNode(a) });
      st.tracer?.mark(st, slot, 'crashed', st.appNode(a));
    }
    crashNode(st, st.appNode(a), 'a poison request crashed it');
    return;
  }
  if (traced) st.tracer?.step(slot, { type: 'serviceStarted', atMs: st.nowMs, node: st.appNode(a) });
  const base = a * st.workers;
  let w = 0;
  while (st.workBusy[base + w] === 1) w++;
  accountBusy(st, a);
  st.busy[a] = (st.busy[a] as number) + 1;
  st.workBusy[base + w] = 1;
  st.workSlot[base + w] = slot;
  st.workAux[base + w] = aux;
  st.workStartMs[base + w] = st.nowMs;
  const node = st.appNode(a);
  let serviceMs =
    (st.rng.service.draw(st.serviceSampler) * (st.nodeSlow[node] as number)) / (st.nodeSpeed[node] as number);
  const bad = st.badConfig[node];
  if (bad && bad.slowShare > 0 && st.rng.config.next() < bad.slowShare) serviceMs *= bad.slowFactor;
  st.at(st.nowMs + serviceMs, EventKind.serviceDone, base + w, st.nodeEpoch[node] as number);
}

export function onServiceDone(st: SimState, work: number, aux: number): void {
  const a = Math.floor(work / st.workers);
  const node = st.appNode(a);
  if (aux !== st.nodeEpoch[node] || st.nodeStatus[node] !== NodeStatusCode.up) return; // the server crashed meanwhile
  accountBusy(st, a);
  st.busy[a] = (st.busy[a] as number) - 1;
  st.workBusy[work] = 0;
  st.metrics.workDone(st.nowMs - (st.workStartMs[work] as number));
  st.observer?.({ type: 'serviceCompleted', timeMs: st.nowMs, server: a });
  const slot = st.workSlot[work] as number;
  if (isCurrent(st, slot, st.workAux[work] as number) && st.reqServer[slot] === a) {
    const bad = st.badConfig[node];
    const error = bad !== null && bad !== undefined && bad.errorShare > 0 && st.rng.config.next() < bad.errorShare;
    if (st.tracer?.watches(slot)) st.tracer.step(slot, { type: 'serviceDone', atMs: st.nowMs, node, error });
    if (error) sendReply(st, slot, st.workAux[work] as number, Outcome.error, a, st.nowMs);
    else if (((st.reqFlags[slot] as number) & FLAG_SEARCH) !== 0 && st.pipeline !== null)
      beginSearch(st, st.pipeline, slot, a);
    else beginStorageRound(st, slot, a);
  }
  drainQueue(st, a);
}

/** Starts queued attempts while workers are free (a poison request may crash the server midway). */
function drainQueue(st: SimState, a: number): void {
  const node = st.appNode(a);
  const cap = st.queueCapacity;
  while ((st.busy[a] as number) < st.workers && (st.queueLength[a] as number) > 0) {
    if (st.nodeStatus[node] !== NodeStatusCode.up) return;
    const i = a * cap + (st.queueHead[a] as number);
    st.queueHead[a] = ((st.queueHead[a] as number) + 1) % cap;
    st.queueLength[a] = (st.queueLength[a] as number) - 1;
    startService(st, a, st.queueSlot[i] as number, st.queueAux[i] as number);
  }
}

/** A crash loses everything the server was doing or holding. */
export function dropAllWork(st: SimState, a: number): void {
  accountBusy(st, a);
  st.busy[a] = 0;
  st.workBusy.fill(0, a * st.workers, (a + 1) * st.workers);
  st.queueHead[a] = 0;
  st.queueLength[a] = 0;
}

/** Closes the utilization window: busy share of all workers since the last call. */
export function sampleUtilization(st: SimState, windowMs: number): void {
  let busyMs = 0;
  for (let a = 0; a < st.appCount; a++) {
    accountBusy(st, a);
    busyMs += st.busyArea[a] as number;
    st.utilization[a] = windowMs > 0 ? (st.busyArea[a] as number) / (st.workers * windowMs) : 0;
    st.busyArea[a] = 0;
  }
  st.metrics.workerTime(busyMs, st.workers * appCapacityServers(st) * windowMs);
}

/** A new queue limit: queues are re-laid out with the new capacity; overflowing attempts are dropped. */
export function resizeQueues(st: SimState, limit: number): void {
  const cap = Math.max(1, limit);
  const slots = new Int32Array(st.appCount * cap);
  const auxes = new Int32Array(st.appCount * cap);
  for (let a = 0; a < st.appCount; a++) {
    const keep = Math.min(st.queueLength[a] as number, limit);
    for (let k = 0; k < keep; k++) {
      const from = a * st.queueCapacity + (((st.queueHead[a] as number) + k) % st.queueCapacity);
      slots[a * cap + k] = st.queueSlot[from] as number;
      auxes[a * cap + k] = st.queueAux[from] as number;
    }
    st.queueHead[a] = 0;
    st.queueLength[a] = keep;
  }
  st.queueCapacity = cap;
  st.queueSlot = slots;
  st.queueAux = auxes;
}
