// Turns the worker's sampled hops into marks that move. Real hops last a millisecond, too fast to
// see, so each request's hops play one after another at a pace the eye can follow (at least
// MIN_HOP_MS each, longer when the simulated hop is long at this speed), and time spent at a node
// (a queue, a slow server) shows as the mark waiting beside it. Only the order and the outcome of
// each request's hops are exact, which the legend says. Pure: the clock is whatever tick() is given.
import type { Hop, Mark, Traffic } from '../../sim/index';

export const MIN_HOP_MS = 380;
const MAX_HOP_MS = 1600;
const MAX_WAIT_MS = 2500;
/** How long a lost message's × and an arrived reply's shape stay. */
const LOST_SHOWN_MS = 1400;
const DONE_SHOWN_MS = 350;
const MARK_SHOWN_MS = 900;
/** A mark that waits with nothing more to do (its request went quiet) is let go after this. */
const IDLE_MS = 8000;
export const MAX_TRACKS = 320;
const TRACE_PACE = 2.2;
const MAX_EFFECTS = 200;

export type Role = 'request' | 'retry' | 'storage' | 'ok' | 'error' | 'rejected' | 'unavailable' | 'trace';
export type Shape = 'circle' | 'diamond' | 'small' | 'triangle' | 'square' | 'hollowSquare' | 'ring';

/** A group of hops played together: one message, or all replicas of a storage round asked at once. */
interface Segment {
  readonly hops: readonly Hop[];
  readonly durationMs: number;
  /** Wait at the start node before it leaves (time the request spent there), in animation time. */
  readonly waitMs: number;
}

interface Track {
  readonly request: number;
  readonly highlight: boolean;
  readonly pending: Hop[];
  segment: Segment | null;
  startedAt: number;
  /** Where it rests between segments. */
  at: number;
  lastArriveMs: number;
  idleSince: number;
  ended: number;
}

export interface Effect {
  readonly kind: 'lost' | 'done' | Mark['kind'];
  readonly from: number;
  readonly to: number;
  /** Share along from->to where it sits (0.5 for a lost message: it stops midway). */
  readonly along: number;
  readonly role: Role;
  readonly shape: Shape;
  readonly bornAt: number;
  readonly lifeMs: number;
}

/** What is drawn for one moving or waiting mark this frame (objects reused from frame to frame). */
export interface Moving {
  from: number;
  to: number;
  /** -1 while waiting at `from`. */
  t: number;
  role: Role;
  shape: Shape;
}

type Style = { readonly role: Role; readonly shape: Shape };
const STYLES = {
  storage: { role: 'storage', shape: 'small' },
  request: { role: 'request', shape: 'circle' },
  retry: { role: 'retry', shape: 'diamond' },
  error: { role: 'error', shape: 'triangle' },
  rejected: { role: 'rejected', shape: 'square' },
  unavailable: { role: 'unavailable', shape: 'hollowSquare' },
  ok: { role: 'ok', shape: 'circle' },
} as const satisfies Record<string, Style>;

/** How a hop is drawn (shared objects: a frame allocates nothing per mark). */
export function styleOf(hop: Hop): Style {
  if (hop.kind === 'ask' || hop.kind === 'answer') return STYLES.storage;
  if (hop.kind === 'request') return hop.attempt > 1 ? STYLES.retry : STYLES.request;
  switch (hop.outcome) {
    case 'error':
      return STYLES.error;
    case 'rejected':
      return STYLES.rejected;
    case 'unavailable':
      return STYLES.unavailable;
    default:
      return STYLES.ok;
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export class Animator {
  private now = 0;
  private readonly tracks = new Map<number, Track>();
  private effects: Effect[] = [];
  private speed = 1;
  private readonly pool: Moving[] = [];
  /** Requests let go because too many were moving: the sample is thinned, never the order. */
  skipped = 0;

  get clockMs(): number {
    return this.now;
  }

  get count(): number {
    return this.tracks.size;
  }

  ingest(traffic: Traffic, speed: number): void {
    this.speed = speed;
    for (const hop of traffic.hops) this.add(hop, false);
    for (const mark of traffic.marks) this.mark(mark);
    this.startIdle();
  }

  /** New hops for a mark at rest set off now, not at the next tick. */
  private startIdle(): void {
    for (const [key, track] of this.tracks) if (!track.segment && track.pending.length > 0) this.advance(key, track);
  }

  /** Plays one request's hops, highlighted (a trace); replaces any trace shown. */
  follow(hops: readonly Hop[]): void {
    for (const [key, track] of this.tracks) if (track.highlight) this.tracks.delete(key);
    for (const hop of hops) this.add(hop, true);
    this.startIdle();
  }

  clear(): void {
    this.tracks.clear();
    this.effects = [];
  }

  private add(hop: Hop, highlight: boolean): void {
    const key = highlight ? -hop.request : hop.request;
    let track = this.tracks.get(key);
    if (!track) {
      if (!highlight && this.tracks.size >= MAX_TRACKS) {
        this.skipped++;
        return;
      }
      track = {
        request: hop.request,
        highlight,
        pending: [],
        segment: null,
        startedAt: this.now,
        at: hop.from,
        lastArriveMs: hop.departMs,
        idleSince: this.now,
        ended: -1,
      };
      this.tracks.set(key, track);
    }
    track.pending.push(hop);
  }

  private mark(mark: Mark): void {
    const role: Role = mark.kind === 'rejected' ? 'rejected' : mark.kind === 'served' ? 'ok' : 'error';
    this.effect({
      kind: mark.kind,
      from: mark.node,
      to: mark.node,
      along: 0,
      role,
      shape: 'ring',
      lifeMs: MARK_SHOWN_MS,
    });
  }

  private effect(effect: Omit<Effect, 'bornAt'>): void {
    if (this.effects.length >= MAX_EFFECTS) this.effects.shift();
    this.effects.push({ ...effect, bornAt: this.now });
  }

  /** The next segment: one hop, or every storage ask (or answer) that follows in a row. */
  private nextSegment(track: Track): Segment | null {
    const first = track.pending.shift();
    if (!first) return null;
    const hops = [first];
    if (first.kind === 'ask' || first.kind === 'answer')
      while (track.pending[0]?.kind === first.kind) hops.push(track.pending.shift() as Hop);
    const simMs = Math.max(...hops.map((h) => h.arriveMs - h.departMs));
    const gapMs = Math.max(0, first.departMs - track.lastArriveMs);
    // A traced request plays slower than the crowd, so each of its hops can be followed.
    const pace = track.highlight ? TRACE_PACE : 1;
    const durationMs = clamp(simMs / this.speed, MIN_HOP_MS, MAX_HOP_MS) * pace;
    const waitMs = clamp(gapMs / this.speed, 0, MAX_WAIT_MS);
    track.lastArriveMs = Math.max(...hops.map((h) => h.arriveMs));
    return { hops, durationMs, waitMs };
  }

  tick(dtMs: number): void {
    this.now += dtMs;
    for (const [key, track] of this.tracks) this.advance(key, track);
    this.effects = this.effects.filter((e) => this.now - e.bornAt < e.lifeMs);
  }

  private advance(key: number, track: Track): void {
    for (;;) {
      const segment = track.segment;
      if (segment && this.now < track.startedAt + segment.waitMs + segment.durationMs) return;
      if (segment) this.arrived(track, segment);
      if (track.ended >= 0) {
        if (!track.highlight) this.tracks.delete(key);
        return;
      }
      const next = this.nextSegment(track);
      if (!next) {
        track.segment = null;
        if (this.now - track.idleSince > IDLE_MS && !track.highlight) this.tracks.delete(key);
        return;
      }
      track.startedAt = segment ? track.startedAt + segment.waitMs + segment.durationMs : this.now;
      // A mark far behind catches up rather than replaying minutes of history.
      if (this.now - track.startedAt > MAX_HOP_MS) track.startedAt = this.now;
      track.segment = next;
      track.idleSince = this.now;
    }
  }

  private arrived(track: Track, segment: Segment): void {
    const last = segment.hops[segment.hops.length - 1] as Hop;
    track.at = last.to;
    track.segment = null;
    track.idleSince = this.now;
    for (const hop of segment.hops) {
      if (!hop.lost) continue;
      const { role } = styleOf(hop);
      this.effect({
        kind: 'lost',
        from: hop.from,
        to: hop.to,
        along: 0.5,
        role,
        shape: 'circle',
        lifeMs: LOST_SHOWN_MS,
      });
    }
    const lostAll = segment.hops.every((h) => h.lost);
    const home = last.kind === 'reply' && last.to === 0 && !last.lost;
    if (home) {
      const { role, shape } = styleOf(last);
      this.effect({ kind: 'done', from: last.to, to: last.to, along: 0, role, shape, lifeMs: DONE_SHOWN_MS });
    }
    if ((lostAll && segment.hops[0]?.kind !== 'answer') || home) track.ended = this.now;
  }

  /** Every mark that moves or waits now, with its place given as (from, to, t). Reused each call. */
  moving(): readonly Moving[] {
    let n = 0;
    const put = (from: number, to: number, t: number, role: Role, shape: Shape) => {
      const m = (this.pool[n] ??= { from, to, t, role, shape });
      m.from = from;
      m.to = to;
      m.t = t;
      m.role = role;
      m.shape = shape;
      n++;
    };
    for (const track of this.tracks.values()) {
      const segment = track.segment;
      if (!segment) {
        if (track.ended < 0) put(track.at, track.at, -1, track.highlight ? 'trace' : 'request', 'circle');
        continue;
      }
      const elapsed = this.now - track.startedAt - segment.waitMs;
      for (const hop of segment.hops) {
        const style = styleOf(hop);
        const role = track.highlight ? 'trace' : style.role;
        if (elapsed < 0) put(hop.from, hop.from, -1, role, style.shape);
        else {
          const share = Math.min(1, elapsed / segment.durationMs);
          put(hop.from, hop.to, hop.lost ? share * 0.5 : share, role, style.shape);
        }
      }
    }
    this.pool.length = n;
    return this.pool;
  }

  /** Whether a frame from now would differ from the last: something travels, waits to set off, or fades. */
  get active(): boolean {
    if (this.effects.length > 0) return true;
    for (const track of this.tracks.values()) if (track.segment || track.pending.length > 0) return true;
    return false;
  }

  liveEffects(): readonly Effect[] {
    return this.effects;
  }
}
