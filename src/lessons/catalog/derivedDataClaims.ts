// Lesson 14's claims: what the headless tests check in every seeded run. Apart from the lesson so
// that file stays its story (STYLE: small files with one job).
import type { LessonInput } from '../lessonSchema';

type Claim = LessonInput['claims'][number];

const falling: Claim[] = [
  {
    id: 'healthy-under-a-second',
    text: 'With both indexers running, the index is typically less than a second behind the database.',
    figure: 'healthyStaleness',
    op: '<',
    than: 1000,
  },
  {
    id: 'one-crash-pauses',
    text: 'One crashed indexer lets the index fall at least 2 s behind (the rebalance pause).',
    figure: 'oneStalenessMax',
    op: '>=',
    than: 2000,
  },
  {
    id: 'one-crash-recovers',
    text: 'With one indexer left, the index is less than a second behind again 8–10 s after the crash.',
    figure: 'oneStalenessEnd',
    op: '<',
    than: 1000,
  },
  {
    id: 'no-indexer-stale',
    text: 'After 20 s with no indexer, the index is more than 15 s behind.',
    figure: 'bothStaleness',
    op: '>',
    than: 15_000,
  },
  {
    id: 'no-indexer-misses',
    text: 'With no indexer, the share of searches that miss a write is more than twice the healthy share.',
    figure: 'bothMissedShare',
    op: '>',
    than: { figure: 'healthyMissedShare', times: 2 },
  },
  {
    id: 'no-indexer-no-errors',
    text: 'With no indexer, availability stays at 99.9% or more: searches answer with old data, they do not fail.',
    figure: 'bothAvailability',
    op: '>=',
    than: 0.999,
  },
];

const catchingUp: Claim[] = [
  {
    id: 'restart-catches-up',
    text: 'Restarted, the indexers bring the index back under a second behind within 20 s.',
    figure: 'catchUpMs',
    op: '<=',
    than: 20_000,
  },
  {
    id: 'restart-stays-caught-up',
    text: '15–20 s after the restart, the index is less than a second behind.',
    figure: 'restartStaleness',
    op: '<',
    than: 1000,
  },
  {
    id: 'duplicates-some',
    text: 'Crashing the indexers half-way between commits makes the index apply some events twice.',
    figure: 'duplicates',
    op: '>',
    than: 0,
  },
  {
    id: 'duplicates-bounded',
    text: 'Events applied twice are at most two seconds of writes: one commit interval for each of the two crashes.',
    figure: 'duplicateSeconds',
    op: '<=',
    than: 2,
  },
];

const acks: Claim[] = [
  {
    id: 'acks-leader-loses',
    text: 'With acks from the leader and followers fetching every 500 ms, losing broker-1’s disk loses acknowledged events.',
    figure: 'leaderLost',
    op: '>',
    than: 0,
  },
  {
    id: 'acks-all-loses-none',
    text: 'With acks from all, the same disk failure loses no acknowledged event.',
    figure: 'allLost',
    op: '<=',
    than: 0,
  },
  {
    id: 'acks-all-resends',
    text: 'With acks from all, the events broker-1 alone had are sent again instead of being lost.',
    figure: 'allResent',
    op: '>',
    than: 0,
  },
  {
    id: 'election-gap-both',
    text: 'With acks from all, writes during the election still miss the log: changes refused are above zero.',
    figure: 'allMissed',
    op: '>',
    than: 0,
  },
  {
    id: 'users-unaffected',
    text: 'Users do not see the broker disk failure: availability stays at 99.9% or more.',
    figure: 'leaderAvailability',
    op: '>=',
    than: 0.999,
  },
];

export const derivedDataClaims: Claim[] = [...falling, ...catchingUp, ...acks];
