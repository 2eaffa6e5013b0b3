// A traced request's steps as the rows of its waterfall: one row per hop or phase, in the order
// they happened, each with its bar's start and end (ms from the request's start) and the words
// that say what it is, so neither the picture nor the table depends on colour. Every step lands in
// exactly one row; a storage replica's ask and answer share one row, with the disk's part inside.
import type { HopOutcome, RequestTrace, TraceStep } from '../../sim/index';
import { formatMs } from '../metrics/format';

export type Story = NonNullable<RequestTrace['story']>;

export type RowKind =
  'attempt' | 'hop' | 'lost' | 'queued' | 'served' | 'replica' | 'timeout' | 'backoff' | 'event' | 'end';

export interface WaterfallRow {
  readonly key: string;
  readonly kind: RowKind;
  readonly attempt: number;
  /** What the row is, as the waterfall and the table name it: "clients → lb", "queued at app-2". */
  readonly label: string;
  /** From the request's start, ms; a moment (a lost message, an event) has endMs === startMs. */
  readonly startMs: number;
  readonly endMs: number;
  /** A replica row: the part its disk took. */
  readonly disk: { readonly startMs: number; readonly endMs: number } | null;
  /** More words: an outcome or a reason ("lost: the link lb–app-1 is cut"). */
  readonly note: string | null;
  /** Indexes in story.steps of the steps this row shows. */
  readonly steps: readonly number[];
}

interface Draft {
  key: string;
  kind: RowKind;
  attempt: number;
  label: string;
  startMs: number;
  endMs: number;
  disk: { startMs: number; endMs: number } | null;
  note: string | null;
  steps: number[];
  /** A phase still under way (queued, served, an attempt): closed by a later step or the attempt's end. */
  open?: boolean;
  node?: number;
}

const NOT_QUEUED = 'not queued: a worker was free';

const REPLY_WORDS: Record<HopOutcome, string> = {
  ok: 'ok',
  error: 'an error reply',
  rejected: 'rejected (queue full)',
  unavailable: 'unavailable',
};

const CACHE_WORDS: Record<Extract<TraceStep, { type: 'cacheLookup' }>['outcome'], string> = {
  hit: 'a hit, answered from the cache',
  miss: 'a miss, read from storage',
  expired: 'expired (older than its TTL), read from storage',
  unreachable: 'the cache node could not be reached, read from storage',
};

/** The rows of a story's waterfall, in the order they happened. */
export function waterfallRows(story: Story, names: readonly string[]): WaterfallRow[] {
  const builder = new RowBuilder(story.startMs, (node) => names[node] ?? `node ${node}`);
  story.steps.forEach((step, index) => builder.add(step, index));
  return builder.finish(story.endMs);
}

class RowBuilder {
  private readonly rows: Draft[] = [];
  private attempt = 0;

  constructor(
    private readonly originMs: number,
    private readonly name: (node: number) => string,
  ) {}

  private at(ms: number): number {
    return ms - this.originMs;
  }

  private push(
    kind: RowKind,
    label: string,
    startMs: number,
    endMs: number,
    index: number,
    note: string | null = null,
  ) {
    const row: Draft = {
      key: `${index}-${kind}`,
      kind,
      attempt: this.attempt,
      label,
      startMs: this.at(startMs),
      endMs: this.at(endMs),
      disk: null,
      note,
      steps: [index],
    };
    this.rows.push(row);
    return row;
  }

  private event(label: string, atMs: number, index: number, note: string | null = null) {
    return this.push('event', label, atMs, atMs, index, note);
  }

  /** The latest open phase of this kind (at this node) in the current attempt. */
  private openRow(kind: RowKind, node?: number): Draft | undefined {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i] as Draft;
      if (row.attempt !== this.attempt) return undefined;
      if (row.kind === kind && row.open && (node === undefined || row.node === node)) return row;
    }
    return undefined;
  }

  /** Closes every phase of the current attempt still open at atMs (the attempt ended there). */
  private closeAll(atMs: number, why: string | null) {
    for (const row of this.rows) {
      if (row.attempt !== this.attempt || !row.open) continue;
      row.open = false;
      row.endMs = Math.max(row.startMs, this.at(atMs));
      if (row.kind !== 'attempt' && why && row.note === null) row.note = why;
    }
  }

  add(step: TraceStep, index: number): void {
    const name = this.name;
    switch (step.type) {
      case 'attemptStarted': {
        this.closeAll(step.atMs, null);
        this.attempt = step.attempt;
        const row = this.push('attempt', `attempt ${step.attempt}`, step.atMs, step.atMs, index);
        row.open = true;
        return;
      }
      case 'hop':
        return this.hop(step, index);
      case 'noServer':
        return void this.event('no server at lb', step.atMs, index, 'no app server in rotation');
      case 'droppedOnArrival':
        return void this.event(`dropped at ${name(step.node)}`, step.atMs, index, step.why);
      case 'queued': {
        const row = this.push('queued', `queued at ${name(step.node)}`, step.atMs, step.atMs, index);
        row.note = `${step.ahead} ahead of it`;
        Object.assign(row, { open: true, node: step.node });
        return;
      }
      case 'rejected':
        return void this.event(
          `rejected by ${name(step.node)}`,
          step.atMs,
          index,
          `queue full (limit ${step.queueLimit})`,
        );
      case 'serviceStarted': {
        const queued = this.openRow('queued', step.node);
        if (queued) Object.assign(queued, { open: false, endMs: this.at(step.atMs) });
        // No queued step means a worker was free on arrival: the waterfall says so, as time queued is
        // one of the things a learner looks for.
        else this.push('queued', `queued at ${name(step.node)}`, step.atMs, step.atMs, index, NOT_QUEUED).steps = [];
        const row = this.push('served', `served by ${name(step.node)}`, step.atMs, step.atMs, index);
        Object.assign(row, { open: true, node: step.node });
        return;
      }
      case 'serviceDone': {
        const served = this.openRow('served', step.node);
        if (!served) return void this.event(`served by ${name(step.node)}`, step.atMs, index);
        Object.assign(served, { open: false, endMs: this.at(step.atMs) });
        served.steps.push(index);
        if (step.error) served.note = 'it answered with an error (a bad configuration)';
        return;
      }
      case 'poisonCrash':
        return void this.event(
          `crashed ${name(step.node)}`,
          step.atMs,
          index,
          'a poison request: the server went down',
        );
      case 'replicasShort': {
        const note = `partition ${step.partition}: ${step.live} live of ${step.needed} needed`;
        return void this.event('too few replicas', step.atMs, index, note);
      }
      case 'noQuorum': {
        const note = `partition ${step.partition}: waited ${formatMs(step.waitedMs)} for enough answers`;
        return void this.push('event', 'no quorum', step.atMs - step.waitedMs, step.atMs, index, note);
      }
      case 'answerLate': {
        const replica = this.replicaRow(step.node);
        if (!replica) return void this.event(`${name(step.node)} answered late`, step.atMs, index);
        replica.steps.push(index);
        replica.note = `answered after the storage timeout (disk ${formatMs(diskMs(replica))})`;
        return;
      }
      case 'cacheLookup': {
        const row = this.replicaRow(step.node);
        const words = CACHE_WORDS[step.outcome] + (step.stale ? ', an old value (stale read)' : '');
        if (!row) return void this.event(`cache ${name(step.node)}`, step.atMs, index, `key ${step.key}: ${words}`);
        row.label = `looked up in ${name(step.node)}`;
        row.note = `key ${step.key}: ${words}`;
        row.steps.push(index);
        return;
      }
      case 'cacheWait': {
        const note = `key ${step.key} is already being read from storage by this server: it waits for that read`;
        return void this.push('event', 'waits for a read in flight', step.atMs, step.untilMs, index, note);
      }
      case 'replyVoided':
        return void this.event('reply lost', step.atMs, index, 'a fault on the way back lost its reply');
      case 'replyReceived':
        this.closeAll(step.atMs, null);
        return void this.event('reply received', step.atMs, index, REPLY_WORDS[step.outcome]);
      case 'timedOut':
        return this.timedOut(step, index);
      case 'backoff':
        this.closeAll(step.atMs, null);
        return void this.push(
          'backoff',
          `backoff ${formatMs(step.delayMs)}`,
          step.atMs,
          step.atMs + step.delayMs,
          index,
        );
      case 'gaveUp':
        this.closeAll(step.atMs, null);
        return void this.event('gave up', step.atMs, index, step.why);
      case 'finished':
        this.closeAll(step.atMs, null);
        return void this.push('end', step.ok ? 'served' : 'failed', step.atMs, step.atMs, index, endNote(step));
      default: {
        const never: never = step;
        return never;
      }
    }
  }

  private hop(step: Extract<TraceStep, { type: 'hop' }>, index: number): void {
    const { hop } = step;
    const path = `${this.name(hop.from)} → ${this.name(hop.to)}`;
    const label = hop.kind === 'request' ? path : `${hop.kind} ${path}`;
    if (hop.lost) {
      this.push('lost', label, hop.departMs, hop.arriveMs, index, `lost: ${step.why ?? 'dropped at random'}`);
      return;
    }
    if (hop.kind === 'ask') {
      const row = this.push('replica', `asked ${this.name(hop.to)}`, hop.departMs, hop.arriveMs, index);
      Object.assign(row, { open: true, node: hop.to, disk: { startMs: row.endMs, endMs: row.endMs } });
      return;
    }
    const replica = hop.kind === 'answer' ? this.replicaRow(hop.from) : undefined;
    if (replica?.disk) {
      replica.disk.endMs = this.at(hop.departMs);
      replica.endMs = this.at(hop.arriveMs);
      replica.steps.push(index);
      replica.open = false;
      replica.note = `disk ${formatMs(diskMs(replica))}, answered at ${formatMs(replica.endMs)}`;
      return;
    }
    // A reply says what it carries only when that is news: a failure.
    const failed = hop.kind === 'reply' && hop.outcome !== null && hop.outcome !== 'ok';
    const note = failed ? `carries: ${REPLY_WORDS[hop.outcome as HopOutcome]}` : null;
    this.push('hop', label, hop.departMs, hop.arriveMs, index, note);
  }

  private replicaRow(node: number): Draft | undefined {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i] as Draft;
      if (row.attempt !== this.attempt) return undefined;
      if (row.kind === 'replica' && row.node === node) return row;
    }
    return undefined;
  }

  private timedOut(step: Extract<TraceStep, { type: 'timedOut' }>, index: number): void {
    const started = this.openRow('attempt');
    const startMs = started ? started.startMs + this.originMs : step.atMs;
    this.closeAll(step.atMs, 'still under way when the attempt timed out');
    this.push('timeout', `attempt ${step.attempt} timed out`, startMs, step.atMs, index, `because ${step.why}`);
  }

  finish(endMs: number): WaterfallRow[] {
    this.closeAll(endMs, null);
    return this.rows.map(({ open: _open, node: _node, ...row }) => row);
  }
}

function diskMs(row: Draft): number {
  return row.disk ? row.disk.endMs - row.disk.startMs : 0;
}

function endNote(step: Extract<TraceStep, { type: 'finished' }>): string {
  return `${step.ok ? 'served' : 'failed'} after ${formatMs(step.latencyMs)}`;
}
