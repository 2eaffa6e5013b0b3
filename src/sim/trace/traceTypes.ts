// What the flight recorder tells the outside: hops a request's messages made (for the picture's
// moving marks) and the whole story of one request (for "Trace a request"). Node numbers are
// topology indexes; times are simulated milliseconds.

/** How a message or an attempt ended, as the picture shows it. */
export type HopOutcome = 'ok' | 'error' | 'rejected' | 'unavailable';

/** One message on one link: a request going in, a storage ask or answer, or a reply going out. */
export interface Hop {
  /** The sampled request it belongs to (a running number, not a pool slot). */
  readonly request: number;
  readonly attempt: number;
  readonly kind: 'request' | 'ask' | 'answer' | 'reply';
  readonly from: number;
  readonly to: number;
  readonly departMs: number;
  /** When it arrives, or for a lost message when it was lost. */
  readonly arriveMs: number;
  /** Never delivered: a cut link, a partition, a node that is down, or random loss. */
  readonly lost: boolean;
  /** For a reply (and an answer): what it carries. */
  readonly outcome: HopOutcome | null;
}

/** Something that happened to a sampled request at a node, shown as a mark that stays a moment. */
export interface Mark {
  readonly request: number;
  readonly attempt: number;
  readonly kind: 'timedOut' | 'rejected' | 'gaveUp' | 'served' | 'crashed';
  readonly node: number;
  readonly atMs: number;
}

/** The motion sample for one frame: bounded, oldest first. */
export interface Traffic {
  /** One sampled request stands for this many. */
  readonly everyN: number;
  readonly hops: readonly Hop[];
  readonly marks: readonly Mark[];
  /** Hops and marks left out because a frame carries at most TRAFFIC_PER_FRAME. */
  readonly dropped: number;
}

export const TRAFFIC_PER_FRAME = 600;

/** One line of a traced request's story, in the order it happened. */
export type TraceStep =
  | { readonly type: 'attemptStarted'; readonly atMs: number; readonly attempt: number }
  | { readonly type: 'hop'; readonly hop: Hop; readonly why: string | null }
  | { readonly type: 'noServer'; readonly atMs: number }
  | { readonly type: 'droppedOnArrival'; readonly atMs: number; readonly node: number; readonly why: string }
  | { readonly type: 'queued'; readonly atMs: number; readonly node: number; readonly ahead: number }
  | { readonly type: 'rejected'; readonly atMs: number; readonly node: number; readonly queueLimit: number }
  | { readonly type: 'serviceStarted'; readonly atMs: number; readonly node: number }
  | { readonly type: 'serviceDone'; readonly atMs: number; readonly node: number; readonly error: boolean }
  | { readonly type: 'poisonCrash'; readonly atMs: number; readonly node: number }
  | {
      readonly type: 'replicasShort';
      readonly atMs: number;
      readonly partition: number;
      readonly live: number;
      readonly needed: number;
    }
  | { readonly type: 'noQuorum'; readonly atMs: number; readonly partition: number; readonly waitedMs: number }
  | { readonly type: 'answerLate'; readonly atMs: number; readonly node: number }
  | {
      readonly type: 'cacheLookup';
      readonly atMs: number;
      readonly node: number;
      readonly key: number;
      /** unreachable: the cache node was down or cut off, so the read went to storage at once. */
      readonly outcome: 'hit' | 'miss' | 'expired' | 'unreachable';
      /** A hit whose value is older than the key's newest acknowledged write. */
      readonly stale: boolean;
    }
  | { readonly type: 'cacheWait'; readonly atMs: number; readonly untilMs: number; readonly key: number }
  | { readonly type: 'replyVoided'; readonly atMs: number }
  | { readonly type: 'replyReceived'; readonly atMs: number; readonly outcome: HopOutcome }
  | { readonly type: 'timedOut'; readonly atMs: number; readonly attempt: number; readonly why: string }
  | { readonly type: 'backoff'; readonly atMs: number; readonly delayMs: number }
  | { readonly type: 'gaveUp'; readonly atMs: number; readonly why: string }
  | { readonly type: 'finished'; readonly atMs: number; readonly ok: boolean; readonly latencyMs: number };

/** Which request "Trace a request" follows. */
export type TraceWish =
  { readonly pick: 'next' } | { readonly pick: 'slow'; readonly slowerThanMs: number } | { readonly pick: 'failed' };

/** A traced request from issue to its end, or the news that none matched in time. */
export interface RequestTrace {
  readonly wish: TraceWish;
  /** Null when no request matched within TRACE_SEARCH_MS of simulated time. */
  readonly story: {
    readonly request: number;
    readonly write: boolean;
    readonly startMs: number;
    readonly endMs: number;
    readonly ok: boolean;
    readonly steps: readonly TraceStep[];
    /** In one sentence, why it ended the way it did. */
    readonly why: string;
  } | null;
  readonly searchedMs: number;
}

/** How long a search for a slow or failed request goes on before it reports none. */
export const TRACE_SEARCH_MS = 60_000;
