// The storage part of a followed request: each replica asked and its answer, then the reply
// leaving the app server, with the times the round already computed (nothing is drawn here).
import type { SimState } from '../state';
import { BALANCER, CLIENTS } from '../codes';
import type { HopOutcome } from './traceTypes';

/** The ask to a replica (t0 to askedMs) and its answer (departing at answerDepartMs, back at answerMs). */
export function askAndAnswer(
  st: SimState,
  slot: number,
  app: number,
  node: number,
  times: { readonly t0: number; readonly askedMs: number; readonly answerDepartMs: number; readonly answerMs: number },
  outcome: HopOutcome | null,
  between?: () => void,
): void {
  const tracer = st.tracer;
  if (!tracer) return;
  tracer.hop(st, slot, {
    kind: 'ask',
    from: app,
    to: node,
    departMs: times.t0,
    arriveMs: times.askedMs,
    lost: false,
    outcome: null,
  });
  between?.();
  tracer.hop(st, slot, {
    kind: 'answer',
    from: node,
    to: app,
    departMs: times.answerDepartMs,
    arriveMs: times.answerMs,
    lost: false,
    outcome,
  });
}

/** One replica asked at t0: the ask arrives after outMs, the disk takes diskMs, the answer arrives at answerMs. */
export function traceReplica(
  st: SimState,
  slot: number,
  app: number,
  node: number,
  t0: number,
  outMs: number,
  diskMs: number,
  answerMs: number,
  inTime: boolean,
): void {
  const askedMs = t0 + outMs;
  askAndAnswer(st, slot, app, node, { t0, askedMs, answerDepartMs: askedMs + diskMs, answerMs }, inTime ? 'ok' : null);
  if (!inTime) st.tracer?.step(slot, { type: 'answerLate', atMs: answerMs, node });
}

/** A replica whose node's queue was full (storage capacity): asked, rejected at once, answered "overloaded". */
export function traceRejection(
  st: SimState,
  slot: number,
  app: number,
  node: number,
  t0: number,
  outMs: number,
  answerMs: number,
): void {
  const askedMs = t0 + outMs;
  const queueLimit = st.storageQueues?.queueLimit ?? 0;
  askAndAnswer(st, slot, app, node, { t0, askedMs, answerDepartMs: askedMs, answerMs }, 'rejected', () =>
    st.tracer?.step(slot, { type: 'rejected', atMs: askedMs, node, queueLimit }),
  );
}

/** The round's reply: app server -> balancer -> clients, or lost on one of the two links. */
export function traceRoundReply(
  st: SimState,
  slot: number,
  a: number,
  leaveMs: number,
  toBalancerMs: number,
  backMs: number,
  lostNearServer: boolean,
  lostNearClients: boolean,
  outcome: HopOutcome,
): void {
  const tracer = st.tracer;
  if (!tracer) return;
  const app = st.appNode(a);
  const atBalancer = leaveMs + toBalancerMs;
  const lostWhy = 'it was dropped at random (packet loss)';
  const first = { kind: 'reply', from: app, to: BALANCER, departMs: leaveMs, outcome } as const;
  if (lostNearServer) {
    tracer.hop(st, slot, { ...first, arriveMs: leaveMs, lost: true }, lostWhy);
    return;
  }
  tracer.hop(st, slot, { ...first, arriveMs: atBalancer, lost: false });
  const second = { kind: 'reply', from: BALANCER, to: CLIENTS, departMs: atBalancer, outcome } as const;
  if (lostNearClients) tracer.hop(st, slot, { ...second, arriveMs: atBalancer, lost: true }, lostWhy);
  else tracer.hop(st, slot, { ...second, arriveMs: leaveMs + backMs, lost: false });
}
