// Lesson 1: a fault (one server crashes) need not become a failure (users cannot use the
// service) when the system detects and routes around it; without detection it does.
import type { LessonInput } from '../lessonSchema';
import { between, choice, ratioFigure, since, totalFigure, windowFigure, type Mark } from './builders';

/** From 5 s after a crash until now: by then health checks, when on, have noticed it. */
const settled = (crash: Mark) => since(crash, 5000);

/** Both crash steps ask the same of the learner; the headless tests crash app-2. */
const crashAnyAppServer = {
  prompt: 'Crash any app server.',
  match: [{ type: 'crashNode', nodeKind: 'app' as const }],
  perform: [{ type: 'crashNode', nodeId: 'app-2' }],
};

export const faultsNotFailures: LessonInput = {
  id: 'faults-not-failures',
  number: 1,
  title: 'Faults are not failures',
  summary:
    'Crash an app server and see whether users notice: with health checks they barely do; without them, the same fault becomes a failure.',
  minutes: 6,
  scenario: 'default',
  steps: [
    {
      id: 'baseline',
      title: 'A healthy cluster',
      prose:
        'Four app servers share the requests behind a load balancer. Each one has spare capacity: together they are about a third busy.\n\nPress **Play** (or Space) and let the cluster run for ten simulated seconds. Watch the headline figures: this is what normal looks like.',
      observeMs: 10_000,
      figures: [
        windowFigure('baseAvailability', 'availability, healthy', 'availability', since('step:baseline')),
        windowFigure('baseP99', 'p99 latency, healthy', 'p99', since('step:baseline'), 'median'),
      ],
      reveal: 'Over those ten seconds {{baseAvailability}} of requests succeeded and the typical p99 was {{baseP99}}.',
    },
    {
      id: 'crash',
      title: 'Crash one server',
      prose:
        'A **fault** is one component departing from its spec. A **failure** is the service as a whole no longer doing its job for users. Now cause a fault: click any app server (or focus it and press Enter) and choose **Crash node**.',
      prediction: choice('One of four app servers dies. What will users see?', 'blip', {
        nothing: 'Nothing at all',
        blip: 'A short blip of errors or slow requests, then normal service',
        quarter: 'A quarter of requests fail until someone restarts it',
      }),
      action: crashAnyAppServer,
      observeMs: 20_000,
      figures: [
        windowFigure(
          'crashWorstSecond',
          'worst second’s availability after the crash',
          'availability',
          since('action:crash'),
          'min',
        ),
        windowFigure(
          'crashWorstP99',
          'worst second’s p99 after the crash',
          'p99',
          between('action:crash', 0, 5000),
          'max',
        ),
        windowFigure(
          'crashAfterDetection',
          'availability once the balancer noticed',
          'availability',
          settled('action:crash'),
        ),
        totalFigure('crashFailed', 'requests that failed after the crash', 'failed', 'action:crash'),
        windowFigure('crashP99', 'p99 once the balancer noticed', 'p99', settled('action:crash'), 'median'),
      ],
      reveal:
        'The worst second after the crash still served {{crashWorstSecond}} of requests, and {{crashFailed}} requests failed in all. Some users did wait: requests caught on the dying server timed out and were retried, and the worst second’s p99 reached {{crashWorstP99}}. Within two health checks the load balancer took the dead server out of rotation; since then availability is {{crashAfterDetection}} and p99 is {{crashP99}}. The fault happened; the failure mostly did not: retries sent the unlucky requests to a live server, and the three survivors had the capacity to absorb the load.',
    },
    {
      id: 'no-health-checks',
      title: 'Switch off the safety net',
      prose:
        'The run starts again with all four servers up. Open the **Policy** panel and untick **Health checks**. The load balancer will no longer probe servers, so it cannot learn that one has died.',
      restart: {},
      action: {
        prompt: 'Turn health checks off.',
        match: [{ type: 'setPolicy', fields: { policy: { healthChecks: false } } }],
        perform: [{ type: 'setPolicy', policy: { healthChecks: false } }],
        afterMs: 0,
      },
      observeMs: 5000,
    },
    {
      id: 'crash-blind',
      title: 'The same fault, undetected',
      prose: 'Crash an app server again, exactly as before.',
      prediction: choice('Without health checks, what happens this time?', 'lasting', {
        same: 'The same short blip as before',
        lasting: 'A lasting problem: a share of requests keep going to the dead server',
      }),
      action: crashAnyAppServer,
      observeMs: 20_000,
      figures: [
        windowFigure(
          'blindAvailability',
          'availability without health checks',
          'availability',
          settled('action:crash-blind'),
        ),
        windowFigure('blindP99', 'p99 without health checks', 'p99', settled('action:crash-blind'), 'median'),
        totalFigure('blindFailed', 'requests that failed', 'failed', 'action:crash-blind'),
        ratioFigure('blindSlowdown', 'p99 without health checks over p99 with them', 'blindP99', 'crashP99'),
      ],
      reveal:
        'The load balancer keeps sending every fourth request to a server that will never answer. Each of those waits for the full timeout before a retry goes elsewhere, so p99 is now {{blindP99}}, {{blindSlowdown}} what it was with health checks, and {{blindFailed}} requests failed. Availability since the crash: {{blindAvailability}}, close to the 1 − (1/4)³ ≈ 98.4% you would expect when each of three attempts has a one-in-four chance of landing on the dead server. The fault is the same; only the system around it changed, and now users feel it.',
    },
  ],
  claims: [
    {
      id: 'detected-no-failure',
      text: 'With health checks, availability once the dead server is out of rotation stays at or above 99.9%.',
      figure: 'crashAfterDetection',
      op: '>=',
      than: 0.999,
    },
    {
      id: 'blind-slower',
      text: 'Without health checks, p99 after the crash is at least five times p99 with them.',
      figure: 'blindP99',
      op: '>=',
      than: { figure: 'crashP99', times: 5 },
    },
    {
      id: 'blind-breaks-slo',
      text: 'Without health checks, p99 exceeds the 200 ms latency objective.',
      figure: 'blindP99',
      op: '>',
      than: 200,
    },
  ],
  conclusion:
    'You caused the same fault twice. With health checks and spare capacity, the cluster tolerated it: {{crashAfterDetection}} availability and a p99 of {{crashP99}}. Without detection, the same crash turned into a failure users feel: p99 of {{blindP99}}. Reliability is not the absence of faults; it is a design that keeps faults from becoming failures.',
  freeExperiment:
    'Try crashing two, then three servers with health checks on. At what point does spare capacity run out and the fault become a failure even with detection?',
};
