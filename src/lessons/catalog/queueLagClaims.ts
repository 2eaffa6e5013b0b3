// Lesson 13's claims: what the headless tests check in every seeded run. Apart from the lesson so
// that file stays its story (STYLE: small files with one job).
import type { LessonInput } from '../lessonSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { withinClaims } from './builders';

type Claim = LessonInput['claims'][number];

// The lag at the end of the spike is read from one second's window and both rates are random
// (Poisson writes, exponential emails): over 30 s of 210 events per second and ~160 sent, the
// growth varies by about 7% (one standard deviation). Within 20% is about three of them.
const GROWTH_TOLERANCE = 0.2;
// The drain is timed to the end of the first whole second under 50 events (up to 1 s late, and
// up to 1 s early for the 50 events left), and the spare work over ~27 s varies by about 7%:
// within 20% allows the second's resolution and about two and a half standard deviations. (With
// the notifier's events spread evenly over its consumers, 20 seeds measured 0.84 to 1.16.)
const DRAIN_TOLERANCE = 0.2;

const spike: Claim[] = [
  {
    id: 'spike-no-errors',
    text: `Doubled writes leave availability at the service level objective (${dataSystem.slo.availability * 100}%) or above: the users see no errors.`,
    figure: 'spikeAvailability',
    op: '>=',
    than: dataSystem.slo.availability,
  },
  {
    id: 'spike-lags',
    text: 'After 30 s of doubled writes, over a thousand events wait for the notifier.',
    figure: 'spikeLag',
    op: '>',
    than: 1000,
  },
  ...withinClaims(
    'lag-grows-at-excess',
    'growthOverExcess',
    GROWTH_TOLERANCE,
    'The lag grows each second by the writes per second beyond the notifier’s capacity, within 20%',
  ),
];

const drain: Claim[] = [
  ...withinClaims(
    'drain-at-spare-rate',
    'drainOverPredicted',
    DRAIN_TOLERANCE,
    'Back at normal load, the lag drains in lag ÷ (capacity − arrival rate) seconds, within 20%',
  ),
  {
    id: 'drain-no-errors',
    text: 'While the lag drains, availability stays at the service level objective or above.',
    figure: 'drainAvailability',
    op: '>=',
    than: dataSystem.slo.availability,
  },
  {
    id: 'third-notifier-faster',
    text: 'A third notifier drains the same lag faster than two, despite its rebalance pause.',
    figure: 'threeDrainSeconds',
    op: '<',
    than: { figure: 'drainSeconds', times: 1 },
  },
];

export const queueLagClaims: Claim[] = [...spike, ...drain];
