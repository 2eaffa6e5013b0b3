// The flight recorder: follows a sample of requests (every Nth, for the picture's moving marks)
// and, on demand, searches for one request to trace whole. It only reads what the simulation has
// already decided: it draws no random numbers and changes no state, so a run with it attached
// gives the same event-log hash as one without. Everything it holds is bounded.
import type { SimState } from '../state';
import { NodeStatusCode } from '../codes';
import { TRACE_SEARCH_MS, TRAFFIC_PER_FRAME } from './traceTypes';
import type { Hop, HopOutcome, Mark, RequestTrace, TraceStep, TraceWish, Traffic } from './traceTypes';
import { whyItEnded } from './traceWhy';

/** Requests followed at once for the motion sample, and for a search; beyond this new ones are skipped. */
const MAX_FOLLOWED = 2048;
const MAX_SEARCHED = 256;
/** Steps kept per story: a request retried many times through a storm still has a bounded story. */
const MAX_STEPS = 400;

interface Story {
  readonly request: number;
  readonly write: boolean;
  readonly startMs: number;
  readonly motion: boolean;
  readonly search: boolean;
  readonly steps: TraceStep[];
}

export class Tracer {
  private everyN = 0;
  private issuedCount = 0;
  private nextRequest = 1;
  private readonly stories = new Map<number, Story>();
  private searched = 0;
  private hops: Hop[] = [];
  private marks: Mark[] = [];
  private dropped = 0;
  private wish: TraceWish | null = null;
  private wishSinceMs = 0;
  private found: RequestTrace | null = null;

  /** Follows every Nth new request for the motion sample; 0 stops. */
  sample(everyN: number): void {
    this.everyN = Math.max(0, Math.floor(everyN));
  }

  /** Starts looking for a request to trace (replacing any search still going). */
  seek(wish: TraceWish | null, nowMs: number): void {
    this.wish = wish;
    this.wishSinceMs = nowMs;
    this.found = null;
  }

  stepsOf(slot: number): readonly TraceStep[] {
    return this.stories.get(slot)?.steps ?? [];
  }

  watches(slot: number): boolean {
    return this.stories.has(slot);
  }

  issued(slot: number, write: boolean, nowMs: number): void {
    this.issuedCount++;
    const motion = this.everyN > 0 && this.issuedCount % this.everyN === 0;
    const search = this.wish !== null && this.searched < (this.wish.pick === 'next' ? 1 : MAX_SEARCHED);
    if ((!motion && !search) || this.stories.size >= MAX_FOLLOWED) return;
    if (search) this.searched++;
    this.stories.set(slot, { request: this.nextRequest++, write, startMs: nowMs, motion, search, steps: [] });
  }

  step(slot: number, step: TraceStep): void {
    const story = this.stories.get(slot);
    if (!story || story.steps.length >= MAX_STEPS) return;
    story.steps.push(step);
  }

  hop(st: SimState, slot: number, hop: Omit<Hop, 'request' | 'attempt'>, why: string | null = null): void {
    const story = this.stories.get(slot);
    if (!story) return;
    const full: Hop = { request: story.request, attempt: st.reqAttempt[slot] as number, ...hop };
    if (story.steps.length < MAX_STEPS) story.steps.push({ type: 'hop', hop: full, why });
    if (story.motion) this.keep(this.hops, full);
  }

  mark(st: SimState, slot: number, kind: Mark['kind'], node: number): void {
    const story = this.stories.get(slot);
    if (!story?.motion) return;
    this.keep(this.marks, {
      request: story.request,
      attempt: st.reqAttempt[slot] as number,
      kind,
      node,
      atMs: st.nowMs,
    });
  }

  private keep<T>(list: T[], item: T): void {
    if (this.hops.length + this.marks.length < TRAFFIC_PER_FRAME) list.push(item);
    else this.dropped++;
  }

  finished(st: SimState, slot: number, ok: boolean, latencyMs: number): void {
    const story = this.stories.get(slot);
    if (!story) return;
    this.stories.delete(slot);
    const end: TraceStep = { type: 'finished', atMs: st.nowMs, ok, latencyMs };
    story.steps.push(end);
    if (story.search) this.searched--;
    const wish = this.wish;
    if (!story.search || wish === null || !matches(wish, ok, latencyMs)) return;
    this.found = {
      wish,
      story: {
        request: story.request,
        write: story.write,
        startMs: story.startMs,
        endMs: st.nowMs,
        ok,
        steps: story.steps,
        why: whyItEnded(st, story.steps),
      },
      searchedMs: st.nowMs - this.wishSinceMs,
    };
    this.wish = null;
  }

  /** The motion sample since the last call. */
  takeTraffic(): Traffic {
    const traffic = { everyN: this.everyN, hops: this.hops, marks: this.marks, dropped: this.dropped };
    this.hops = [];
    this.marks = [];
    this.dropped = 0;
    return traffic;
  }

  /** The trace found since the last call, or the news that none matched in TRACE_SEARCH_MS. */
  takeTrace(nowMs: number): RequestTrace | null {
    const wish = this.wish;
    if (this.found === null && wish !== null && nowMs - this.wishSinceMs > TRACE_SEARCH_MS) {
      this.wish = null;
      return { wish, story: null, searchedMs: nowMs - this.wishSinceMs };
    }
    const found = this.found;
    this.found = null;
    return found;
  }

  get searching(): boolean {
    return this.wish !== null;
  }
}

function matches(wish: TraceWish, ok: boolean, latencyMs: number): boolean {
  switch (wish.pick) {
    case 'next':
      return true;
    case 'slow':
      return ok && latencyMs >= wish.slowerThanMs;
    case 'failed':
      return !ok;
    default: {
      const never: never = wish;
      return never;
    }
  }
}

/** Why a message could not cross between nodes a and b (the conditions canTalk checks), in words. */
export function whyNoPath(st: SimState, a: number, b: number, link: number): string {
  for (const node of [a, b]) {
    const status = st.nodeStatus[node];
    if (status === NodeStatusCode.crashed) return `${st.nodeIds[node]} is down`;
    if (status === NodeStatusCode.poweredOff) return `${st.nodeIds[node]} has no power`;
  }
  if (st.linkCut[link] === 1) return `the link ${st.nodeIds[a]}–${st.nodeIds[b]} is cut`;
  if (st.nodeSide[a] !== st.nodeSide[b])
    return `${st.nodeIds[a]} and ${st.nodeIds[b]} are on opposite sides of a partition`;
  return 'the path changed while it was in transit';
}

export type { HopOutcome };
