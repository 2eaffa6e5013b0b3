// Why a traced attempt timed out and why a traced request ended as it did, in one sentence each,
// read from the story's own steps (and, for a timeout, the state of the node that held it).
import type { SimState } from '../state';
import type { TraceStep } from './traceTypes';

const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${Number(v.toFixed(1))} ms`);

/** The steps of the attempt under way: everything after its last attemptStarted. */
function currentAttempt(steps: readonly TraceStep[]): readonly TraceStep[] {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]?.type === 'attemptStarted') return steps.slice(i);
  return steps;
}

/** Called when an attempt times out: what it was waiting on. */
export function whyTimedOut(st: SimState, steps: readonly TraceStep[]): string {
  const attempt = currentAttempt(steps);
  for (let i = attempt.length - 1; i >= 0; i--) {
    const step = attempt[i] as TraceStep;
    const name = (node: number) => st.nodeIds[node] as string;
    switch (step.type) {
      case 'hop':
        if (step.hop.lost) return `its ${step.hop.kind} was lost: ${step.why ?? 'a message was dropped at random'}`;
        if (step.hop.kind === 'reply') return 'its reply was on the way but did not arrive in time';
        break;
      case 'droppedOnArrival':
        return `it was dropped on arrival at ${name(step.node)}: ${step.why}`;
      case 'replyVoided':
        return 'a fault on the way back lost its reply';
      case 'queued':
      case 'serviceStarted': {
        const node = step.node;
        if ((st.nodeChangedAt[node] as number) > step.atMs) return `${name(node)} went down while it held the request`;
        const slow = st.nodeSlow[node] as number;
        const slowed = slow > 1 ? ` (slowed ${Number(slow.toFixed(1))}×)` : '';
        return step.type === 'queued'
          ? `it was still waiting in ${name(node)}'s queue${slowed}`
          : `${name(node)} was still serving it${slowed}`;
      }
      case 'poisonCrash':
        return `it crashed ${name(step.node)} (a poison request)`;
      default:
        break;
    }
  }
  return 'no reply came in time';
}

interface Parts {
  queue: number;
  service: number;
  storage: number;
  backoff: number;
  timeouts: number;
}

function partsOf(steps: readonly TraceStep[]): Parts {
  const parts: Parts = { queue: 0, service: 0, storage: 0, backoff: 0, timeouts: 0 };
  let queuedAt = -1;
  let serviceAt = -1;
  let doneAt = -1;
  let attemptAt = 0;
  for (const step of steps) {
    if (step.type === 'attemptStarted') attemptAt = step.atMs;
    else if (step.type === 'queued') queuedAt = step.atMs;
    else if (step.type === 'serviceStarted') {
      if (queuedAt >= 0) parts.queue += step.atMs - queuedAt;
      serviceAt = step.atMs;
      queuedAt = -1;
    } else if (step.type === 'serviceDone' && serviceAt >= 0) {
      parts.service += step.atMs - serviceAt;
      doneAt = step.atMs;
      serviceAt = -1;
    } else if (step.type === 'hop' && step.hop.kind === 'reply' && doneAt >= 0) {
      parts.storage += step.hop.departMs - doneAt;
      doneAt = -1;
    } else if (step.type === 'backoff') parts.backoff += step.delayMs;
    else if (step.type === 'timedOut') parts.timeouts += step.atMs - attemptAt;
  }
  return parts;
}

const PART_WORDS: Record<keyof Parts, string> = {
  queue: 'waiting in a server queue',
  service: 'being served by an app server',
  storage: 'waiting for storage replicas',
  backoff: 'backing off before a retry',
  timeouts: 'waiting for attempts that timed out',
};

function lastOf(steps: readonly TraceStep[], test: (step: TraceStep) => boolean): TraceStep | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (test(steps[i] as TraceStep)) return steps[i];
  return undefined;
}

/** One sentence for the end of a traced request. */
export function whyItEnded(_st: SimState, steps: readonly TraceStep[]): string {
  const end = steps[steps.length - 1];
  const attempts = steps.filter((s) => s.type === 'attemptStarted').length;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (end?.type === 'finished' && end.ok) {
    const parts = partsOf(steps);
    const [part, value] = (Object.entries(parts) as [keyof Parts, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
    const most = value > 0 ? `; the largest part was ${PART_WORDS[part]} (${ms(value)})` : '';
    return `Served in ${ms(end.latencyMs)} after ${tries}${most}.`;
  }
  const gaveUp = lastOf(steps, (s) => s.type === 'gaveUp');
  const lastFailure = lastOf(steps, (s) => s.type === 'timedOut' || s.type === 'replyReceived');
  let cause = 'its last attempt failed';
  if (lastFailure?.type === 'timedOut') cause = `its last attempt timed out because ${lastFailure.why}`;
  else if (lastFailure?.type === 'replyReceived') cause = `its last attempt got ${replyWords[lastFailure.outcome]}`;
  return `Failed after ${tries}: ${cause}; ${gaveUp?.type === 'gaveUp' ? gaveUp.why : 'the client gave up'}.`;
}

const replyWords = {
  ok: 'a success',
  error: 'an error reply (a bad configuration)',
  rejected: "a rejection (the server's queue was full)",
  unavailable: 'an unavailable reply (too few live replicas, or no server in rotation)',
} as const;
