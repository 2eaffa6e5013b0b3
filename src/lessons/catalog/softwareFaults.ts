// Lesson 4: software faults are correlated by nature (every server runs the same code), and
// retries can turn a short overload into one that outlives its cause (a metastable failure).
// Remedies that cut the work per request end it; backoff alone only moves the work in time.
import type { LessonInput } from '../lessonSchema';
import { between, choice, currentFigure, since, windowFigure } from './builders';
import { softwareFaultsClaims } from './softwareFaultsClaims';

const RATE_RPS = 175;

// Clients that retry at once, four attempts each, with a short timeout and deep server queues.
const stormPolicy = {
  policy: {
    timeoutMs: 300,
    queueLimit: 1000,
    retry: { strategy: 'fixed', maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 1000, jitter: false, budgetRatio: 0.1 },
  },
};

function retryChange(strategy: 'exponential' | 'budget') {
  return {
    type: 'setPolicy',
    policy: {
      retry: { strategy, maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 1000, jitter: true, budgetRatio: 0.1 },
    },
  };
}

const SPIKE = { type: 'spikeLoad', multiplier: 3, durationMs: 10_000 } as const;
const SHED_SPIKE_AT_MS = 15_000;

export const softwareFaults: LessonInput = {
  id: 'software-faults',
  number: 4,
  title: 'Software faults',
  summary:
    'A bug hits every server at once, a runaway process slows one, and a retry storm keeps a cluster down long after the overload that started it. Then end the storm.',
  minutes: 10,
  scenario: 'default',
  edits: {
    clients: { rateRps: RATE_RPS },
    appServers: { workers: 1, restartAfterMs: 10_000 },
  },
  steps: [
    {
      id: 'poison',
      title: 'One bug, every server',
      prose:
        'Four app servers share the load, each about 40% busy, and a supervisor restarts a crashed server after ten seconds. Hardware faults mostly strike one machine at a time, but every server runs **the same code**: a bug that crashes one server crashes them all when they meet the same input.\n\nOpen the **Faults** panel and send **5 poison requests**: requests that crash whichever server starts handling them. Clients retry failed requests, as they always do.',
      prediction: choice(
        'Five bad requests among thousands of good ones. How many of the four servers go down?',
        'most',
        {
          one: 'One: the server that got the first bad request',
          most: 'Most or all of them, one after another',
          none: 'None: health checks protect them',
        },
      ),
      action: {
        prompt: 'Send poison requests from the Faults panel.',
        match: [{ type: 'sendPoisonRequests' }],
        perform: [{ type: 'sendPoisonRequests', count: 5 }],
        afterMs: 5000,
      },
      observeMs: 4000,
      only: ['faults'],
      figures: [
        currentFigure('poisonDown', 'app servers down', 'nodesDown'),
        windowFigure(
          'poisonAvailability',
          'availability in the seconds after the poison',
          'availability',
          since('action:poison', 1000),
        ),
      ],
      reveal:
        '{{poisonDown}} of the four servers are down, and availability over those seconds was {{poisonAvailability}}. Each time a bad request crashed a server, the client retried it, and the retry carried it to the next server. Redundancy assumes that copies fail independently; four copies of the same bug fail together. The supervisor will bring them back in ten seconds; until someone finds the bug, the next bad request takes them down again.',
    },
    {
      id: 'runaway',
      title: 'A runaway process',
      prose:
        'The run restarts with a healthy cluster. Now imagine a process on one server that runs away and eats its CPU: the server still answers, only ten times slower. Click any app server and choose **Slow down 10x**.',
      restart: {},
      prediction: choice('Will the load balancer’s health checks take the slow server out of rotation?', 'no', {
        yes: 'Yes, within a couple of seconds',
        no: 'No: it still answers the health checks, so it keeps getting a quarter of the requests',
      }),
      action: {
        prompt: 'Slow down any app server 10x.',
        match: [{ type: 'slowNode', nodeKind: 'app' }],
        perform: [{ type: 'slowNode', nodeId: 'app-3', factor: 10 }],
        afterMs: 10_000,
      },
      observeMs: 20_000,
      figures: [
        windowFigure(
          'healthyP99',
          'p99 before the slowdown',
          'p99',
          { from: 'step:runaway', fromMs: 2000, to: 'action:runaway' },
          'median',
        ),
        windowFigure('runawayP99', 'p99 with one slow server', 'p99', since('action:runaway', 5000), 'median'),
        windowFigure(
          'runawayAvailability',
          'availability with one slow server',
          'availability',
          since('action:runaway', 5000),
        ),
      ],
      reveal:
        'p99 went from {{healthyP99}} to {{runawayP99}}, while availability stayed at {{runawayAvailability}}. The slow server’s queue filled up; the requests stuck in it waited out the full one-second timeout and were then retried on a healthy server. A health check only asks “are you there?”, and a slow server is there: this kind of fault stays hidden from the simplest monitoring.',
    },
    {
      id: 'storm',
      title: 'A storm that outlives its cause',
      prose:
        'The run restarts with more impatient clients: each attempt times out after 300 ms, and a failed request is retried at once, up to four attempts. Servers queue up to 1,000 requests each, and they do not know when a client has given up, so they still serve requests nobody is waiting for.\n\nOpen the **Load** panel and press **Spike load** with multiplier **3** for **10 seconds**. That is more than the four servers can handle, but only for ten seconds. Then watch the minute that follows.',
      restart: stormPolicy,
      prediction: choice('The spike lasts ten seconds. What happens once it is over?', 'stays', {
        recovers: 'The cluster catches up within a few seconds',
        stays: 'The cluster stays down, even though the load is back to normal',
      }),
      action: {
        prompt: 'Spike the load ×3 for 10 seconds.',
        match: [{ type: 'spikeLoad' }],
        perform: [SPIKE],
        afterMs: 10_000,
      },
      observeMs: 60_000,
      only: ['load'],
      figures: [
        windowFigure('stormBefore', 'availability before the spike', 'availability', {
          from: 'step:storm',
          to: 'action:storm',
        }),
        windowFigure(
          'stormAfter',
          'availability 30–50 s after the spike ended',
          'availability',
          since('action:storm', 40_000),
        ),
        windowFigure(
          'stormOffered',
          'new requests per second 30–50 s after the spike',
          'offeredRps',
          since('action:storm', 40_000),
        ),
        windowFigure(
          'stormAmplification',
          'attempts per request 30–50 s after the spike',
          'amplification',
          since('action:storm', 40_000),
        ),
      ],
      reveal:
        'Before the spike, availability was {{stormBefore}}. Half a minute after the spike had ended, users still sent only {{stormOffered}}, as before, yet availability was {{stormAfter}}. During the spike the queues grew so long that every request waited more than 300 ms, timed out and was retried. Now each request costs {{stormAmplification}} attempts, about 700 attempts a second against a capacity of about 440, and the servers spend their time on attempts whose clients have already given up. The trigger is gone, but the overload feeds itself: a **metastable failure**.',
    },
    {
      id: 'backoff',
      title: 'Back off, with jitter',
      prose:
        'A common piece of advice is to back off: wait longer before each retry, with random jitter so clients do not retry in lockstep. Open the **Policy** panel and set the retry strategy to **Exponential backoff** (jitter on).',
      prediction: choice('Will backoff with jitter end the storm?', 'no', {
        yes: 'Yes: spreading retries out gives the servers room',
        no: 'No: each request still makes four attempts, just a little later',
      }),
      action: {
        prompt: 'Switch retries to exponential backoff with jitter.',
        match: [{ type: 'setPolicy', fields: { policy: { retry: { strategy: 'exponential' } } } }],
        perform: [retryChange('exponential')],
        afterMs: 2000,
      },
      observeMs: 30_000,
      only: ['policy'],
      figures: [
        windowFigure(
          'backoffAvailability',
          'availability with backoff',
          'availability',
          since('action:backoff', 10_000),
        ),
        windowFigure(
          'backoffAmplification',
          'attempts per request with backoff',
          'amplification',
          since('action:backoff', 10_000),
        ),
      ],
      reveal:
        'Availability with backoff: {{backoffAvailability}}, at {{backoffAmplification}} attempts per request. Backoff spreads the retries over time, which helps when many clients fail at the same moment, but in a steady storm it does not reduce the number of attempts per request, so the servers stay just as overloaded.',
    },
    {
      id: 'budget',
      title: 'A retry budget',
      prose:
        'A **retry budget** caps retries as a share of new requests: here, at most one retry for every ten new requests, shared by all clients. When most attempts fail, most requests get no retry at all. Set the retry strategy to **Backoff + retry budget**.',
      action: {
        prompt: 'Switch retries to a retry budget.',
        match: [{ type: 'setPolicy', fields: { policy: { retry: { strategy: 'budget' } } } }],
        perform: [retryChange('budget')],
        afterMs: 2000,
      },
      observeMs: 45_000,
      only: ['policy'],
      figures: [
        windowFigure(
          'budgetEarlyAmplification',
          'attempts per request just after the switch',
          'amplification',
          between('action:budget', 0, 10_000),
        ),
        windowFigure(
          'budgetAvailability',
          'availability with a retry budget',
          'availability',
          since('action:budget', 25_000),
        ),
      ],
      reveal:
        'In the ten seconds after the switch, a request cost {{budgetEarlyAmplification}} attempts instead of four. The servers first worked through the stale attempts already in their queues; after that, availability was {{budgetAvailability}}. Nothing else changed: same users, same servers. The extra work the retries created was the whole problem.',
    },
    {
      id: 'shedding',
      title: 'Shed load instead of queueing it',
      prose:
        'Another remedy works at the servers: keep queues short, and turn away what does not fit at once (**load shedding**). A rejected request fails fast, while a request that waits longer than the client’s timeout is wasted work. The run restarts with the storm-prone clients, and the same spike arrives by itself at 0:15. Before it does, open the **Policy** panel and set the **queue limit** to **20**.',
      restart: {
        ...stormPolicy,
        schedule: [{ atMs: SHED_SPIKE_AT_MS, command: SPIKE }],
      },
      prediction: choice('With short queues, what happens after the same spike?', 'recovers', {
        recovers: 'The cluster recovers as soon as the spike ends',
        stays: 'It stays down, as before',
      }),
      action: {
        prompt: 'Set the queue limit to 20.',
        match: [{ type: 'setPolicy', fields: { policy: { queueLimit: 20 } } }],
        perform: [{ type: 'setPolicy', policy: { queueLimit: 20 } }],
        afterMs: 5000,
      },
      observeMs: 60_000,
      only: ['policy'],
      figures: [
        windowFigure(
          'shedDuring',
          'availability during the spike',
          'availability',
          between('step:shedding', SHED_SPIKE_AT_MS, SHED_SPIKE_AT_MS + 10_000),
        ),
        windowFigure(
          'shedAfter',
          'availability 30–40 s after the spike ended',
          'availability',
          since('step:shedding', SHED_SPIKE_AT_MS + 40_000),
        ),
      ],
      reveal:
        'During the spike, availability was {{shedDuring}}: some requests were turned away, because there really was more work than capacity. But 30 seconds after the spike it was {{shedAfter}}. A short queue means every request a server takes on is served while its client still waits, so no work is wasted and the overload ends with its cause.',
    },
  ],
  claims: softwareFaultsClaims(RATE_RPS),
  conclusion:
    'Five bad requests took down {{poisonDown}} of four servers: identical software fails together. One slow server raised p99 from {{healthyP99}} to {{runawayP99}} without ever failing a health check. A ten-second spike left the cluster at {{stormAfter}} availability long after the load was normal again, because retries and wasted queue time fed the overload. Backoff alone left it at {{backoffAvailability}}; a retry budget brought it back to {{budgetAvailability}}, and short queues kept the storm from starting ({{shedAfter}}).',
  freeExperiment:
    'In the runaway-process setup, switch the load balancer to **Least outstanding requests**: does it route around the slow server? In the storm, try fewer attempts per request, or a longer timeout, and find the settings at which the cluster recovers on its own.',
};
