// Lesson 5: people make mistakes, so systems should limit what one mistake can break. A bad
// configuration pushed everywhere at once fails many users; the same change on one canary,
// caught from the error counts and rolled back, fails almost none.
import type { LessonInput } from '../lessonSchema';
import { choice, ratioFigure, since, totalFigure, windowFigure } from './builders';

function badConfig(mode: 'all-at-once' | 'canary') {
  return {
    type: 'rollOutConfig',
    mode,
    nodeIds: [],
    errorShare: 0.5,
    slowShare: 0,
    slowFactor: 10,
    canaryCount: 1,
    stageDelayMs: 30_000,
  };
}

const rollBack = {
  prompt: 'Press Roll back in the Faults panel.',
  match: [{ type: 'rollBack' }],
  perform: [{ type: 'rollBack' }],
};

// How long the learner watches a bad change before rolling it back: their time to detect.
const DETECT_MS = 10_000;

export const humanError: LessonInput = {
  id: 'human-error',
  number: 5,
  title: 'Human error',
  summary:
    'Push a broken configuration to every server, then the same change to one canary first. Watch the error counts, roll back, and compare how many users each mistake hurt.',
  minutes: 7,
  scenario: 'default',
  steps: [
    {
      id: 'watch',
      title: 'Know what normal looks like',
      prose:
        'Most outages start with a change that a person made: a new configuration, a deploy, a command typed in the wrong window. We cannot stop people from making mistakes, but we can limit how much one mistake breaks, and notice it quickly.\n\nPress **Play** and watch the monitoring for ten seconds: **availability**, the **error budget** left (the 0.1% of requests the 99.9% objective allows to fail) and the **p99** latency.',
      observeMs: 10_000,
      figures: [
        windowFigure('normalAvailability', 'availability, normal', 'availability', since('step:watch')),
        windowFigure('normalAmplification', 'attempts per request, normal', 'amplification', since('step:watch')),
        windowFigure('normalP99', 'p99, normal', 'p99', since('step:watch'), 'median'),
      ],
      reveal:
        'Normal: availability {{normalAvailability}}, a p99 of {{normalP99}}, and {{normalAmplification}} attempts per request, so almost nothing is retried.',
    },
    {
      id: 'all-at-once',
      title: 'Push a bad change everywhere',
      prose:
        'Open the **Faults** panel. Under **Bad config rollout**, choose **All servers at once**, keep **Requests a bad server fails** at 50%, and press **Roll out bad config**. Watch the monitoring, and get ready to roll back.',
      prediction: {
        kind: 'number',
        question:
          'Every server now fails half the requests it handles. Clients try each request up to three times. What availability will users see?',
        unit: 'percent',
        answer: 'allAvailability',
        tolerance: 0.05,
        min: 0,
        max: 1,
      },
      action: {
        prompt: 'Roll out the bad configuration to all servers at once.',
        match: [{ type: 'rollOutConfig', fields: { mode: 'all-at-once' } }],
        perform: [badConfig('all-at-once')],
        afterMs: 2000,
      },
      observeMs: DETECT_MS,
      only: ['faults'],
      figures: [
        windowFigure(
          'allAvailability',
          'availability, bad config everywhere',
          'availability',
          since('action:all-at-once', 1000),
        ),
        windowFigure(
          'allAmplification',
          'attempts per request, bad config everywhere',
          'amplification',
          since('action:all-at-once', 1000),
        ),
      ],
      reveal:
        'Availability fell to {{allAvailability}}. A request fails only if all three attempts fail, and each fails half the time, so theory says 1 − 0.5³ = 87.5%. Retries hide most errors from users, at a price: each request now costs {{allAmplification}} attempts. Every user is exposed, because every server changed at once.',
    },
    {
      id: 'roll-back',
      title: 'Roll back',
      prose: 'Press **Roll back** now. The sooner you do, the fewer users are hurt.',
      action: rollBack,
      observeMs: 10_000,
      only: ['faults'],
      figures: [
        totalFigure('allFailed', 'requests failed by the bad change', 'failed', 'action:all-at-once'),
        windowFigure(
          'allRecovered',
          'availability after rolling back',
          'availability',
          since('action:roll-back', 2000),
        ),
      ],
      reveal:
        'Rolling back restored availability to {{allRecovered}}. In all, the bad change failed {{allFailed}} user requests. That number is the rate of requests, times the share that fails, times the time it took you to notice and act (here 600 a second × 12.5% × your seconds): the **blast radius** times the **time to detect**.',
    },
    {
      id: 'canary',
      title: 'The same change, on a canary',
      prose:
        'The run restarts, healthy. This time roll out the same bad configuration with **Canary first (1 server)**, waiting 30 seconds before the rest get it. Watch the error budget and p99, not only availability.',
      restart: {},
      prediction: choice(
        'Only one of four servers gets the bad change for now. What will the monitoring show?',
        'errors',
        {
          nothing: 'Nothing: one server in four is too few to notice',
          errors: 'Availability dips only slightly, but the error budget starts to burn and p99 rises',
          outage: 'A quarter of users see errors',
        },
      ),
      action: {
        prompt: 'Roll out the bad configuration to a canary first.',
        match: [{ type: 'rollOutConfig', fields: { mode: 'canary' } }],
        perform: [badConfig('canary')],
        afterMs: 2000,
      },
      observeMs: DETECT_MS,
      only: ['faults'],
      figures: [
        windowFigure(
          'canaryAvailability',
          'availability, bad config on the canary',
          'availability',
          since('action:canary', 1000),
        ),
        totalFigure('canaryErrors', 'error replies from the canary', 'errors', 'action:canary'),
        windowFigure('canaryP99', 'p99, bad config on the canary', 'p99', since('action:canary', 1000), 'median'),
        windowFigure(
          'canaryAmplification',
          'attempts per request, canary',
          'amplification',
          since('action:canary', 1000),
        ),
      ],
      reveal:
        'Users saw availability of {{canaryAvailability}}: a request fails only if three attempts in a row land on the canary and fail there. Small, but below the 99.9% objective, so the error budget burns. Behind that, the servers returned {{canaryErrors}} errors, and requests took {{canaryAmplification}} attempts instead of {{normalAmplification}}; the retries cost time, so p99 rose from {{normalP99}} to {{canaryP99}}. Watching availability alone, you could miss this change. The error budget and the tail latency give it away, and a canary is only useful with monitoring that sensitive.',
    },
    {
      id: 'canary-roll-back',
      title: 'Stop it at the canary',
      prose:
        'Roll back before the 30 seconds are up, and the other three servers never get the change. Press **Roll back**, then watch the moment when the rest would have been changed go by.',
      action: rollBack,
      observeMs: 30_000,
      only: ['faults'],
      figures: [
        totalFigure('canaryFailed', 'requests failed by the canary change', 'failed', 'action:canary'),
        ratioFigure('canaryShare', 'canary failures over all-at-once failures', 'canaryFailed', 'allFailed', 'percent'),
        windowFigure(
          'canaryRecovered',
          'availability after the canary rollback',
          'availability',
          since('action:canary-roll-back', 2000),
        ),
      ],
      reveal:
        'The same mistake, noticed just as fast, failed {{canaryFailed}} requests instead of {{allFailed}}: {{canaryShare}} as many. Availability since the rollback is {{canaryRecovered}}, through the time the rest of the servers would have been changed.',
    },
  ],
  claims: [
    {
      id: 'all-at-once-theory-low',
      text: 'With half of all attempts failing and three attempts per request, availability is at least 84% (theory: 1 − 0.5³ = 87.5%).',
      figure: 'allAvailability',
      op: '>=',
      than: 0.84,
    },
    {
      id: 'all-at-once-theory-high',
      text: 'With half of all attempts failing and three attempts per request, availability is at most 91% (theory: 87.5%).',
      figure: 'allAvailability',
      op: '<=',
      than: 0.91,
    },
    {
      id: 'canary-barely-visible',
      text: 'With the bad change on one canary of four, availability stays at or above 99.5% (theory: a request fails only if three attempts each hit the canary and fail, 1 − (1/8)³ ≈ 99.8%).',
      figure: 'canaryAvailability',
      op: '>=',
      than: 0.995,
    },
    {
      id: 'canary-errors-visible',
      text: 'With the bad change on one canary, the servers still return hundreds of errors within ten seconds.',
      figure: 'canaryErrors',
      op: '>=',
      than: 300,
    },
    {
      id: 'canary-p99-visible',
      text: 'With the bad change on one canary, the median p99 at least doubles, because failed attempts are retried.',
      figure: 'canaryP99',
      op: '>=',
      than: { figure: 'normalP99', times: 2 },
    },
    {
      id: 'canary-smaller-blast',
      text: 'Caught as quickly, the canary rollout fails at most a tenth as many requests as the all-at-once rollout.',
      figure: 'canaryFailed',
      op: '<=',
      than: { figure: 'allFailed', times: 0.1 },
    },
    {
      id: 'rollback-restores',
      text: 'Rolling the canary back before its stage ends keeps availability at or above 99.9% afterwards.',
      figure: 'canaryRecovered',
      op: '>=',
      than: 0.999,
    },
  ],
  conclusion:
    'You made the same mistake twice and caught it equally fast. Pushed everywhere, it failed {{allFailed}} requests; on a canary, {{canaryFailed}}. Availability on the canary stayed at {{canaryAvailability}}, so you caught it by the error count ({{canaryErrors}} errors), not by what users saw. Fewer servers changed at once means a smaller blast radius, good monitoring means a shorter time to detect, and a quick rollback ends the damage.',
  freeExperiment:
    'Roll out a change that makes 30% of requests ten times slower and fails none. Which figure shows it first, and could a canary catch it? Or wait longer before rolling back and check that the failures grow in proportion to your time to detect.',
};
