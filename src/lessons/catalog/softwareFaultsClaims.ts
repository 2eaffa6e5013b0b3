// Lesson 4's claims: what the headless tests check in every seeded run. They live in their
// own file so the lesson file stays its story (STYLE: small files with one job).
import type { LessonInput } from '../lessonSchema';

/** The claims, given the users' normal request rate (the storm is checked against it). */
export function softwareFaultsClaims(rateRps: number): LessonInput['claims'] {
  return [
    {
      id: 'poison-takes-most',
      text: 'Five poison requests leave at least three of the four app servers down.',
      figure: 'poisonDown',
      op: '>=',
      than: 3,
    },
    {
      id: 'runaway-hurts-p99',
      text: 'One app server slowed ten-fold raises the median p99 at least five-fold, because health checks keep it in rotation.',
      figure: 'runawayP99',
      op: '>=',
      than: { figure: 'healthyP99', times: 5 },
    },
    {
      id: 'storm-outlives-trigger',
      text: 'After a ten-second ×3 spike with immediate retries, availability 30–50 s after the spike ended stays below 5%.',
      figure: 'stormAfter',
      op: '<',
      than: 0.05,
    },
    {
      id: 'storm-load-normal-high',
      text: 'During that outage, the users’ request rate is no more than 10% above normal (175 req/s): the trigger is gone.',
      figure: 'stormOffered',
      op: '<=',
      than: rateRps * 1.1,
    },
    {
      id: 'storm-load-normal-low',
      text: 'During that outage, the users’ request rate is no more than 10% below normal: users keep coming.',
      figure: 'stormOffered',
      op: '>=',
      than: rateRps * 0.9,
    },
    {
      id: 'storm-every-attempt',
      text: 'During that outage, almost every request uses all four attempts: at least 3.5 attempts per request.',
      figure: 'stormAmplification',
      op: '>=',
      than: 3.5,
    },
    {
      id: 'backoff-not-enough',
      text: 'Switching to exponential backoff with jitter does not end the storm: availability stays below 5%.',
      figure: 'backoffAvailability',
      op: '<',
      than: 0.05,
    },
    {
      id: 'budget-ends-storm',
      text: 'A retry budget of 10% ends the storm: availability returns to at least 99.9%.',
      figure: 'budgetAvailability',
      op: '>=',
      than: 0.999,
    },
    {
      id: 'shedding-recovers',
      text: 'With a queue limit of 20, availability after the same spike returns to at least 99.9%.',
      figure: 'shedAfter',
      op: '>=',
      than: 0.999,
    },
  ];
}
