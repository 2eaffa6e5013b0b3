// Lesson 9: response time of one queue as utilization nears 100% (M/M/1 theory, checked), head-of-line
// blocking behind a few slow requests (Pollaczek–Khinchine, checked), and why a server's own
// stopwatch misses the time requests spend waiting in its queue.
import type { LessonInput } from '../lessonSchema';
import {
  choice,
  constantFigure,
  differenceFigure,
  ratioFigure,
  setLoadAction,
  since,
  windowFigure,
  withinClaims,
} from './builders';

// One server, one worker, exponential 10 ms service: mu = 100 req/s.
const MEAN_SERVICE_MS = 10;
const SETTLE_MS = 20_000;
const LEVEL_OBSERVE_MS = 240_000;

/** M/M/1 mean response time at an arrival rate, ms. */
const mm1MeanMs = (rateRps: number) => 1000 / (1000 / MEAN_SERVICE_MS - rateRps);

// The bad configuration: 2% of requests take 20 times longer. Service time S is then
// exponential (mean 10 ms) times 20 with probability 0.02, so E[S] = 13.8 ms and
// E[S^2] = 200 ms^2 x (0.98 + 0.02 x 400) = 1,796 ms^2. At 50 req/s, rho = 0.69, and the
// Pollaczek-Khinchine mean wait lambda E[S^2] / (2 (1 - rho)) = 0.05 x 1796 / 0.62 = 144.8 ms.
const SLOW_SHARE = 0.02;
const SLOW_FACTOR = 20;
const slowMeanServiceMs = MEAN_SERVICE_MS * (1 - SLOW_SHARE + SLOW_SHARE * SLOW_FACTOR);
const slowSecondMoment = 2 * MEAN_SERVICE_MS ** 2 * (1 - SLOW_SHARE + SLOW_SHARE * SLOW_FACTOR ** 2);
const slowRho = (50 * slowMeanServiceMs) / 1000;
// The same mean work without rare slow requests: M/M/1 with a 13.8 ms mean service time.
const evenMeanMs = 1000 / (1000 / slowMeanServiceMs - 50);
const slowWaitMs = ((50 / 1000) * slowSecondMoment) / (2 * (1 - slowRho));

const loadAction = (rateRps: number) => setLoadAction({ rateRps }, `Set the request rate to ${rateRps} req/s.`);

/** Mean and p99 once the queue has settled at a new rate, against M/M/1 and against 50% busy. */
const levelFigures = (name: string, rateRps: number) => {
  const busy = `at ${rateRps}% busy`;
  return [
    windowFigure(`${name}Mean`, `mean response time ${busy}`, 'mean', since(`action:${name}`, SETTLE_MS)),
    windowFigure(`${name}P99`, `p99 ${busy}`, 'p99', since(`action:${name}`, SETTLE_MS), 'median'),
    constantFigure(`${name}Theory`, `M/M/1 mean response time ${busy}`, mm1MeanMs(rateRps), 'ms'),
    ratioFigure(`${name}VsTheory`, 'measured over theory', `${name}Mean`, `${name}Theory`),
    ratioFigure(`${name}VsHalf`, `mean ${busy} over mean at 50%`, `${name}Mean`, 'halfMean'),
  ];
};

export const queueingAndSaturation: LessonInput = {
  id: 'queueing-and-saturation',
  number: 9,
  title: 'Queueing and saturation',
  summary:
    'Push one server towards 100% busy and watch waiting time explode, as queueing theory predicts; then see a few slow requests hold up everyone queued behind them.',
  minutes: 9,
  scenario: 'single-server',
  edits: { clients: { rateRps: 50 } },
  steps: [
    {
      id: 'half-busy',
      title: 'One server, half busy',
      prose:
        'This cluster is as simple as it gets: one server with a single worker, and requests that wait in line (first come, first served) while it is busy. Each request needs on average 10 ms of work, so the server can finish at most 100 requests per second. Requests arrive at random moments, 50 per second on average: the server is busy about **50%** of the time. The network and the disks take no time here, so every millisecond you see is work or waiting.\n\nPress **Play** and let it run for a few minutes of simulated time (speed it up if you like).',
      only: ['load'],
      observeMs: LEVEL_OBSERVE_MS,
      figures: [
        windowFigure('halfMean', 'mean response time at 50% busy', 'mean', since('step:half-busy')),
        constantFigure('halfTheory', 'M/M/1 mean response time at 50% busy', mm1MeanMs(50), 'ms'),
        ratioFigure('halfVsTheory', 'measured over theory', 'halfMean', 'halfTheory'),
      ],
      reveal:
        'The mean response time was {{halfMean}}, although a request needs only 10 ms of work. The rest is waiting: even at half load, requests often arrive while another is being served. Queueing theory has an exact answer for this setup (arrivals at independent random moments, service times drawn from an exponential distribution, one server: the M/M/1 queue): the mean response time is 1 / (μ − λ), where μ = 100/s is the service rate and λ the arrival rate: 1 / (50/s) = {{halfTheory}}. Your run agrees: {{halfVsTheory}} of theory.',
    },
    {
      id: 'eighty',
      title: 'Eighty percent busy',
      prose:
        'Open the **Load** panel and raise the request rate to **80** req/s. The server is now busy 80% of the time, and still has 20% spare.',
      only: ['load'],
      action: loadAction(80),
      observeMs: LEVEL_OBSERVE_MS,
      figures: levelFigures('eighty', 80),
      reveal:
        'The load went up by 60%, but the mean response time went from {{halfMean}} to {{eightyMean}}: {{eightyVsHalf}} as long. Theory says 1 / (100/s − 80/s) = {{eightyTheory}}, and your run measured {{eightyVsTheory}} of that. The slowest requests suffer most: the typical p99 of a second is now {{eightyP99}}.',
    },
    {
      id: 'ninety',
      title: 'Ninety percent busy',
      prose:
        'Next, raise the rate to **90** req/s: only 10% of the server’s time is left idle. Before you do, use the formula from the last step to make a prediction.',
      only: ['load'],
      prediction: {
        kind: 'number',
        question: 'What will the mean response time be at 90 req/s (90% busy)?',
        unit: 'ms',
        answer: 'ninetyMean',
        tolerance: 0.3,
        min: 0,
        max: 1000,
      },
      action: loadAction(90),
      observeMs: LEVEL_OBSERVE_MS,
      figures: levelFigures('ninety', 90),
      reveal:
        'Mean response time: {{ninetyMean}} (theory: 1 / (10/s) = {{ninetyTheory}}; your run: {{ninetyVsTheory}} of it). Going from 80% to 90% busy roughly doubled it, and it is {{ninetyVsHalf}} what it was at 50%. Each step closer to 100% costs more than the last: at 95% the mean would double again, and at 100% the queue never drains. This is why servers are run well below full utilization, and why "the server is only 90% busy" is not reassuring.',
    },
    {
      id: 'head-of-line',
      title: 'Stuck behind a slow request',
      prose:
        'The rate is back at 50 req/s, so the server is half busy again. Now open the **Faults** panel and roll out a **bad configuration** to the server, all at once, with **slow share 2%**, **slow factor 20** and **error share 0**: one request in fifty now takes 20 times as long. The other 49 are served exactly as fast as before.',
      setup: [{ type: 'setLoad', rateRps: 50 }],
      only: ['faults'],
      prediction: choice(
        'Only 2% of requests get slower. What happens to the p95, the time that 95 requests in 100 beat?',
        'lot',
        {
          same: 'About the same: the slow 2% are all beyond the p95',
          bit: 'A little higher',
          lot: 'Twice as high or more',
        },
      ),
      action: {
        prompt: 'Roll out a bad configuration that slows some requests.',
        match: [{ type: 'rollOutConfig' }],
        perform: [
          {
            type: 'rollOutConfig',
            mode: 'all-at-once',
            nodeIds: [],
            errorShare: 0,
            slowShare: SLOW_SHARE,
            slowFactor: SLOW_FACTOR,
            canaryCount: 1,
            stageDelayMs: 0,
          },
        ],
        afterMs: 60_000,
      },
      observeMs: 480_000,
      figures: [
        windowFigure(
          'calmP95',
          'p95 before the rollout',
          'p95',
          { from: 'step:head-of-line', fromMs: 5000, to: 'action:head-of-line' },
          'median',
        ),
        windowFigure(
          'blockedP95',
          'p95 with 2% slow requests',
          'p95',
          since('action:head-of-line', SETTLE_MS),
          'median',
        ),
        windowFigure(
          'blockedMean',
          'mean response time with 2% slow requests',
          'mean',
          since('action:head-of-line', SETTLE_MS),
        ),
        ratioFigure('blockedP95Rise', 'p95 after over p95 before', 'blockedP95', 'calmP95'),
        constantFigure('blockedTheory', 'Pollaczek–Khinchine mean response time', slowWaitMs + slowMeanServiceMs, 'ms'),
        constantFigure('evenTheory', 'M/M/1 mean response time for the same mean work', evenMeanMs, 'ms'),
        // The server's own stopwatch, measured: from a worker picking a request up to the work done.
        windowFigure(
          'blockedService',
          'mean work per request, timed by the server',
          'serverWorkMs',
          since('action:head-of-line', SETTLE_MS),
        ),
        constantFigure('blockedServiceTheory', 'mean work per request with 2% slow requests', slowMeanServiceMs, 'ms'),
        ratioFigure(
          'blockedServiceVsTheory',
          'server-timed work over theory',
          'blockedService',
          'blockedServiceTheory',
        ),
        ratioFigure('blockedVsTheory', 'measured over theory', 'blockedMean', 'blockedTheory'),
        differenceFigure('blockedQueueMs', 'time spent waiting in the queue', 'blockedMean', 'blockedService', 'ms'),
        ratioFigure(
          'blockedQueueShare',
          'share of response time spent waiting',
          'blockedQueueMs',
          'blockedMean',
          'percent',
        ),
      ],
      reveal:
        'The p95 went from {{calmP95}} to {{blockedP95}} ({{blockedP95Rise}}). Only 2 requests in 100 were slowed, so in a typical second several more in 100, served at normal speed, still took longer than that: they were waiting. While a slow request holds the worker (200 ms on average), about ten more arrive and queue behind it. This is **head-of-line blocking**: one slow request delays everything queued after it. The mean work per request only grew from 10 ms to {{blockedService}} (the server timed it; theory says {{blockedServiceTheory}}), yet the mean response time is {{blockedMean}}. If every request had instead grown a little, to the same {{blockedService}} average with ordinary exponential variation (an M/M/1 queue again), theory gives a mean of only {{evenTheory}}. Queueing theory explains the difference: the mean wait depends on the average of the *squared* service times (the Pollaczek–Khinchine formula), so rare long requests dominate it. For your settings it predicts a mean of {{blockedTheory}}, and your run measured {{blockedVsTheory}} of that.',
    },
    {
      id: 'who-measures',
      title: 'Whose stopwatch?',
      prose:
        'The server timed each request itself, from the moment its worker picked the request up to the moment the work was done. That stopwatch saw the work, {{blockedService}} on average, and nothing else. The users, who start counting when they send the request, saw {{blockedMean}}. The difference, {{blockedQueueMs}} or {{blockedQueueShare}} of what users waited, was spent in the queue, where the server’s stopwatch has not started yet.\n\nThat is why response time is measured at the client. A dashboard built from server-side timings would have said "10 to 14 ms, all fine" through every step of this lesson. The same goes for load: the clients here keep sending at their own pace whether or not earlier requests were answered, as real users do. A load test whose clients wait for each answer before sending the next one slows itself down when the server does, keeps the queue short, and hides exactly the effect you just measured.\n\nRoll the bad configuration back when you are done.',
      only: ['faults'],
      action: {
        prompt: 'Roll back the bad configuration.',
        match: [{ type: 'rollBack' }],
        perform: [{ type: 'rollBack' }],
      },
      observeMs: 0,
    },
  ],
  claims: [
    ...withinClaims(
      'mm1-half',
      'halfVsTheory',
      0.1,
      'At 50% utilization the mean response time matches the M/M/1 value 1 / (μ − λ) = 20 ms within 10%',
    ),
    ...withinClaims(
      'mm1-eighty',
      'eightyVsTheory',
      0.2,
      'At 80% utilization the mean response time matches the M/M/1 value of 50 ms within 20%',
    ),
    ...withinClaims(
      'mm1-ninety',
      'ninetyVsTheory',
      0.3,
      'At 90% utilization the mean response time matches the M/M/1 value of 100 ms within 30%',
    ),
    {
      id: 'ninety-vs-half',
      text: 'Going from 50% to 90% utilization makes the mean response time at least three times longer.',
      figure: 'ninetyVsHalf',
      op: '>=',
      than: 3,
    },
    {
      id: 'hol-mean',
      text: 'Slowing 2% of requests 20-fold at 50 req/s makes the mean response time at least four times what it was at 50% load without them.',
      figure: 'blockedMean',
      op: '>=',
      than: { figure: 'halfMean', times: 4 },
    },
    {
      id: 'hol-vs-even',
      text: 'Rare slow requests cost more than the same work spread over all requests: the mean response time is at least twice the M/M/1 value for the same mean work.',
      figure: 'blockedMean',
      op: '>=',
      than: { figure: 'evenTheory', times: 2 },
    },
    {
      id: 'hol-p95',
      text: 'Slowing only 2% of requests at least doubles the p95, so requests that were not slowed themselves waited longer too.',
      figure: 'blockedP95Rise',
      op: '>=',
      than: 2,
    },
    ...withinClaims(
      'hol-pk',
      'blockedVsTheory',
      0.3,
      'With 2% of requests slowed 20-fold, the mean response time matches the Pollaczek–Khinchine value within 30%',
      0.9,
    ),
    ...withinClaims(
      'hol-server-work',
      'blockedServiceVsTheory',
      0.1,
      "The server's own stopwatch measures the mean work, 0.98 × 10 ms + 0.02 × 200 ms = 13.8 ms, within 10%",
    ),
    {
      id: 'hol-server-blind',
      text: "The server's stopwatch misses most of what users wait: their mean response time is at least four times the work it timed.",
      figure: 'blockedMean',
      op: '>=',
      than: { figure: 'blockedService', times: 4 },
    },
  ],
  conclusion:
    'You loaded one server to 50%, 80% and 90% and measured mean response times of {{halfMean}}, {{eightyMean}} and {{ninetyMean}}, close to the 20, 50 and 100 ms that queueing theory predicts: the closer to full, the faster waiting grows. Then slowing just 2% of requests raised the p95 from {{calmP95}} to {{blockedP95}}, because everyone queued behind a slow request waits for it. And most of that time, {{blockedQueueShare}}, is invisible to a server timing its own work: measure response time where the user is.',
  freeExperiment:
    'Set the rate to 95 or 99 req/s and watch the queue: how long does the mean take to settle, and does it ever? Or give the server a queue limit of 10 in the Policy panel at 99 req/s: what happens to response time, and what do users pay for it instead?',
};
