// Lesson 11's claims: what the headless tests check in every seeded run. Apart from the lesson
// so that file stays its story (STYLE: small files with one job).
import type { LessonInput } from '../lessonSchema';

type Claim = LessonInput['claims'][number];

const warm: Claim[] = [
  {
    id: 'warm-hit-ratio',
    text: 'Once warm, the cache answers at least 78% of lookups.',
    figure: 'warmHit',
    op: '>=',
    than: 0.78,
  },
  {
    id: 'warm-storage-headroom',
    text: 'Once warm, storage runs at less than two-thirds of what it can serve.',
    figure: 'warmLoadShare',
    op: '<',
    than: 2 / 3,
  },
];

const stampede = (capacityRps: number): Claim[] => [
  {
    id: 'stampede-fast',
    text: 'Within three seconds of the crash, storage rejects over a thousand operations.',
    figure: 'crashRejectedEarly',
    op: '>',
    than: 1000,
  },
  {
    id: 'stampede-over-capacity',
    text: 'With cache-1 down, storage is asked for more operations than it can serve.',
    figure: 'crashStorage',
    op: '>',
    than: capacityRps,
  },
  {
    id: 'stampede-availability-low',
    text: 'With cache-1 down, availability falls below 85%.',
    figure: 'crashAvailability',
    op: '<',
    than: 0.85,
  },
  {
    id: 'stampede-availability-not-zero',
    text: 'With cache-1 down, availability stays above 70%: storage still serves what it can.',
    figure: 'crashAvailability',
    op: '>',
    than: 0.7,
  },
];

const mitigations = (capacityRps: number): Claim[] => [
  {
    id: 'coalescing-restores',
    text: 'Turning on coalescing, with cache-1 still down, brings availability back above 99%.',
    figure: 'coalAvailability',
    op: '>',
    than: 0.99,
  },
  {
    id: 'coalescing-under-capacity',
    text: 'With coalescing, storage is asked for no more than it can serve.',
    figure: 'coalStorage',
    op: '<=',
    than: capacityRps,
  },
  {
    id: 'restart-warms-up',
    text: 'Restarted empty, cache-1 is as warm as before the crash within 10–20 s: hit ratio at least 95% of its warm value.',
    figure: 'restartHit',
    op: '>=',
    than: { figure: 'warmHit', times: 0.95 },
  },
  {
    id: 'restart-starts-cold',
    text: 'In its first two seconds back, the cache answers fewer lookups than once it has refilled.',
    figure: 'restartHitFirst',
    op: '<',
    than: { figure: 'restartHit', times: 1 },
  },
  {
    id: 'restart-available',
    text: 'With coalescing on, the restart costs nothing: availability stays at 99.9% or more.',
    figure: 'restartAvailability',
    op: '>=',
    than: 0.999,
  },
  {
    id: 'shedding-not-capacity',
    text: 'A storage queue limit of 4 does not restore availability with cache-1 down: it stays below 85%.',
    figure: 'shedAvailability',
    op: '<',
    than: 0.85,
  },
  {
    id: 'shedding-faster',
    text: 'A storage queue limit of 4 lowers the p99 of the requests that succeed, by at least 10%.',
    figure: 'shedP99Ratio',
    op: '<=',
    than: 0.9,
  },
  {
    id: 'shedding-warm-fine',
    text: 'Before the crash, a queue limit of 4 costs nothing: availability at least 99.9%.',
    figure: 'shedWarmAvailability',
    op: '>=',
    than: 0.999,
  },
];

const flush = (capacityRps: number): Claim[] => [
  {
    id: 'flush-under-capacity',
    text: 'After a flush of cache-1, storage’s busiest second stays under what it can serve.',
    figure: 'flushPeakStorage',
    op: '<',
    than: capacityRps,
  },
  {
    id: 'flush-available',
    text: 'A flush of cache-1 keeps availability at 99.9% or more.',
    figure: 'flushAvailability',
    op: '>=',
    than: 0.999,
  },
  {
    id: 'flush-refills',
    text: 'Within 10–20 s of a flush, the hit ratio is back to at least 95% of its warm value.',
    figure: 'flushHit',
    op: '>=',
    than: { figure: 'warmHit', times: 0.95 },
  },
];

/** The claims, given what storage can serve (operations per second). */
export function cacheFaultDomainClaims(capacityRps: number): LessonInput['claims'] {
  return [...warm, ...stampede(capacityRps), ...mitigations(capacityRps), ...flush(capacityRps)];
}
