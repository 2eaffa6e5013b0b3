// Lesson 10: more capacity from more servers (scaling out) or from faster ones (scaling up),
// and what each does to response time; then a load spike against servers that queue without
// limit (goodput collapses) and against servers that shed the excess (goodput holds).
import type { LessonInput } from '../lessonSchema';
import { between, choice, constantFigure, ratioFigure, setLoadAction, since, windowFigure } from './builders';

const SETTLE_MS = 3000;
const BUSY_RPS = 1650;
// Four servers of four workers, mean service 8 ms x e^(0.5^2 / 2) = 9.07 ms.
const CAPACITY_RPS = (4 * 4 * 1000) / (8 * Math.exp(0.125));
const SPIKE = { multiplier: 4, durationMs: 10_000 };
const NO_LIMIT = 10_000;
// How long to watch after a spike: the first 5 s are the tail of the spike itself.
const AFTER_MS = 15_000;
const SHED_LIMIT = 20;

const busyAction = setLoadAction({ rateRps: BUSY_RPS }, `Set the request rate to ${BUSY_RPS} req/s.`);
const BUSY_OBSERVE_MS = 12_000;
/** What the learner does in each scaled-up or scaled-out run: the same busy load again. */
const busyAgain = { only: ['load'], action: busyAction, observeMs: BUSY_OBSERVE_MS };

const spikeAction = {
  prompt: 'Spike the load: four times the rate for 10 seconds.',
  match: [{ type: 'spikeLoad' }],
  perform: [{ type: 'spikeLoad', ...SPIKE }],
};

/** The typical second's median and p99 once the rate has settled after the step's action. */
const settledLatency = (prefix: string, step: string, where: string) => [
  windowFigure(`${prefix}P50`, `median ${where}`, 'p50', since(`action:${step}`, SETTLE_MS), 'median'),
  windowFigure(`${prefix}P99`, `p99 ${where}`, 'p99', since(`action:${step}`, SETTLE_MS), 'median'),
];

/** Goodput, amplification and p99 during a spike, then availability once it is over. */
const spikeFigures = (prefix: string, step: string, label: string) => [
  windowFigure(
    `${prefix}Goodput`,
    `goodput during the spike, ${label}`,
    'servedRps',
    between(`action:${step}`, SETTLE_MS, SPIKE.durationMs),
  ),
  windowFigure(
    `${prefix}Amplification`,
    `attempts per new request during the spike, ${label}`,
    'amplification',
    between(`action:${step}`, SETTLE_MS, SPIKE.durationMs),
  ),
  windowFigure(
    `${prefix}P99`,
    `worst second’s p99 during the spike, ${label}`,
    'p99',
    between(`action:${step}`, 0, SPIKE.durationMs),
    'max',
  ),
  windowFigure(
    `${prefix}After`,
    `availability from 5 s after the spike, ${label}`,
    'availability',
    between(`action:${step}`, SPIKE.durationMs + 5000, SPIKE.durationMs + AFTER_MS),
  ),
];

export const scalingAndDegradation: LessonInput = {
  id: 'scaling-and-degradation',
  number: 10,
  title: 'Scaling and graceful degradation',
  summary:
    'Give a busy cluster more servers or faster ones and compare; then hit it with a load spike and see why turning some requests away keeps the rest fast.',
  minutes: 10,
  scenario: 'default',
  steps: [
    {
      id: 'busy',
      title: 'A busy cluster',
      prose:
        'Four app servers with four workers each can finish about 1,760 requests per second. Users send 600. Press **Play**, then open the **Load** panel and raise the rate to **1,650** req/s: the servers will be about 93% busy.',
      only: ['load'],
      action: { ...busyAction, afterMs: 6000 },
      observeMs: BUSY_OBSERVE_MS,
      figures: [
        constantFigure('capacity', 'capacity of four servers', CAPACITY_RPS, 'rps'),
        windowFigure(
          'calmP50',
          'median at 600 req/s',
          'p50',
          { from: 'step:busy', fromMs: 2000, to: 'action:busy' },
          'median',
        ),
        ...settledLatency('busy', 'busy', 'at 1,650 req/s on four servers'),
      ],
      reveal:
        'At 600 req/s the median was {{calmP50}}. At 1,650 req/s it is {{busyP50}}, and the typical p99 of a second is {{busyP99}}: requests are queueing for a worker. Suppose the load will keep growing. There are two ways to add capacity.',
    },
    {
      id: 'scale-out',
      title: 'Scale out: twice as many servers',
      prose:
        '**Scaling out** means adding machines. The run starts over with **eight** app servers of the same speed. Raise the rate to **1,650** req/s again.',
      restart: { appServers: { count: 8 } },
      ...busyAgain,
      figures: [
        ...settledLatency('out', 'scale-out', 'on eight servers'),
        ratioFigure('outVsCalm', 'median on eight servers over median at 600 req/s', 'outP50', 'calmP50'),
      ],
      reveal:
        'With eight servers the median is {{outP50}} and the p99 {{outP99}}. The queues are gone, but the median is about what it was at light load ({{outVsCalm}} of {{calmP50}}): each request still needs the same work from one server, and more servers cannot make that work shorter.',
    },
    {
      id: 'scale-up',
      title: 'Scale up: servers twice as fast',
      prose:
        '**Scaling up** means a more powerful machine. The run starts over with **four** servers again, but each does a request’s work in half the time. Capacity is the same as with eight ordinary servers. Raise the rate to **1,650** req/s once more.',
      restart: { appServers: { serviceTime: { medianMs: 4 } } },
      prediction: choice('Compared with eight ordinary servers, what will the median be on four fast ones?', 'lower', {
        same: 'The same: the capacity is the same',
        lower: 'Lower: each request’s own work is shorter',
        higher: 'Higher: fewer servers means longer queues',
      }),
      ...busyAgain,
      figures: [
        ...settledLatency('up', 'scale-up', 'on four fast servers'),
        ratioFigure('upVsOut', 'median on fast servers over median on eight servers', 'upP50', 'outP50'),
      ],
      reveal:
        'Four fast servers give a median of {{upP50}} and a p99 of {{upP99}}, against {{outP50}} and {{outP99}} on eight ordinary ones: {{upVsOut}} of the median. Both fixed the queueing; only the faster machines shortened each request. Scaling up is simpler, since there are fewer machines to manage, but a machine twice as fast often costs more than two ordinary ones, and at some point there is no faster machine to buy. Scaling out has no such ceiling and survives the loss of one machine, which is why large systems mostly scale out and keep each request’s own work small.',
    },
    {
      id: 'no-limit',
      title: 'Let every request wait',
      prose:
        'Back to four ordinary servers at 600 req/s, with one change: each server now queues up to **10,000** requests instead of turning any away. Nothing is ever rejected. Press **Play**, then open the **Load** panel and **spike** the load to **4×** for **10 s**: more than the cluster can serve.',
      restart: { policy: { queueLimit: NO_LIMIT } },
      only: ['load'],
      prediction: choice(
        'During the spike the cluster is asked for far more than it can do. How many requests per second will succeed?',
        'collapse',
        {
          capacity: 'About its capacity: the servers stay fully busy',
          collapse: 'Far fewer: the work done is mostly wasted',
          all: 'All of them, just more slowly',
        },
      ),
      action: { ...spikeAction, afterMs: 5000 },
      observeMs: SPIKE.durationMs + AFTER_MS,
      figures: spikeFigures('noLimit', 'no-limit', 'no queue limit'),
      reveal:
        'Successful requests per second (goodput) fell to {{noLimitGoodput}} during the spike, although the servers were busy all the time. Queues grew without end, so requests waited longer than the clients’ 1 s timeout. The clients gave up and retried ({{noLimitAmplification}} attempts per request), adding still more load, while the servers kept working on requests nobody was waiting for. The worst second’s p99 was {{noLimitP99}}, and the trouble outlasted the spike: from 5 s after it ended, only {{noLimitAfter}} of requests succeeded. The queues were still full of abandoned requests, every new request waited behind them, timed out and was retried, so the servers were still asked for about three attempts per request, more than they can serve. An overload that feeds itself like this can last long after its cause is gone.',
    },
    {
      id: 'set-limit',
      title: 'Turn the excess away',
      prose:
        'The run starts over with the same unlimited queues. This time, before the spike, open the **Policy** panel and set the **queue limit** to **20**. A server with 20 requests waiting rejects the next one at once. The rejected user gets a fast error (and the client retries after a short back-off), instead of a slow timeout.',
      restart: { policy: { queueLimit: NO_LIMIT } },
      only: ['policy'],
      action: {
        prompt: `Set the queue limit to ${SHED_LIMIT}.`,
        match: [{ type: 'setPolicy', fields: { policy: { queueLimit: SHED_LIMIT } } }],
        perform: [{ type: 'setPolicy', policy: { queueLimit: SHED_LIMIT } }],
        afterMs: 5000,
      },
      observeMs: 2000,
    },
    {
      id: 'shed',
      title: 'The same spike, with load shedding',
      prose: 'Now spike the load again: **4×** for **10 s**.',
      only: ['load'],
      action: spikeAction,
      observeMs: SPIKE.durationMs + AFTER_MS,
      figures: [
        ...spikeFigures('shed', 'shed', 'queue limit 20'),
        ratioFigure('shedVsCapacity', 'goodput with shedding over capacity', 'shedGoodput', 'capacity'),
      ],
      reveal:
        'With a queue limit, goodput during the spike was {{shedGoodput}}, {{shedVsCapacity}} of the cluster’s capacity, against {{noLimitGoodput}} without a limit. The worst second’s p99 was {{shedP99}}: no request waited behind more than 20 others, and the slowest ones were requests turned away once that succeeded on a retry after a short back-off. Users beyond capacity got a quick error instead of a long wait; the rest were served at full speed, and from 5 s after the spike {{shedAfter}} of requests succeeded. This is **graceful degradation**: under overload the service does less, but what it does, it does well.',
    },
  ],
  claims: [
    {
      id: 'out-fixes-tail',
      text: 'At 1,650 req/s, eight servers have a lower p99 than four.',
      figure: 'outP99',
      op: '<',
      than: { figure: 'busyP99', times: 1 },
    },
    {
      id: 'up-fixes-tail',
      text: 'At 1,650 req/s, four servers twice as fast have a lower p99 than four ordinary ones.',
      figure: 'upP99',
      op: '<',
      than: { figure: 'busyP99', times: 1 },
    },
    {
      id: 'out-keeps-median',
      text: 'Scaling out does not shorten a request: the median on eight servers is within 15% of the median at light load.',
      figure: 'outVsCalm',
      op: '<=',
      than: 1.15,
    },
    {
      id: 'up-shortens-median',
      text: 'Scaling up does: the median on four servers twice as fast is at most 80% of the median on eight ordinary servers.',
      figure: 'upVsOut',
      op: '<=',
      than: 0.8,
    },
    {
      id: 'no-limit-collapses',
      text: 'With unlimited queues, goodput during a 4× spike falls below half the cluster’s capacity.',
      figure: 'noLimitGoodput',
      op: '<',
      than: { figure: 'capacity', times: 0.5 },
    },
    {
      id: 'retries-amplify',
      text: 'With unlimited queues, clients send at least 1.5 attempts per new request during the spike.',
      figure: 'noLimitAmplification',
      op: '>=',
      than: 1.5,
    },
    {
      id: 'collapse-outlasts-spike',
      text: 'With unlimited queues and retries, the collapse outlasts the spike: availability from 5 s after it ends stays below 50%.',
      figure: 'noLimitAfter',
      op: '<',
      than: 0.5,
    },
    {
      id: 'shedding-keeps-goodput',
      text: 'With a queue limit of 20, goodput during the spike stays at 85% of capacity or more.',
      figure: 'shedVsCapacity',
      op: '>=',
      than: 0.85,
    },
    {
      id: 'shedding-beats-queueing',
      text: 'Shedding at least doubles the goodput during the spike compared with unlimited queues.',
      figure: 'shedGoodput',
      op: '>=',
      than: { figure: 'noLimitGoodput', times: 2 },
    },
    {
      id: 'shedding-recovers',
      text: 'With shedding, the cluster is back to normal soon after the spike: availability from 5 s after it ends is at least 99.9%.',
      figure: 'shedAfter',
      op: '>=',
      than: 0.999,
    },
  ],
  conclusion:
    'At 1,650 req/s, eight servers brought the p99 from {{busyP99}} to {{outP99}} and four servers twice as fast to {{upP99}}; only the faster ones also cut the median, to {{upP50}}. Under a 4× spike, unlimited queues let goodput collapse to {{noLimitGoodput}}, while a queue limit of 20 kept it at {{shedGoodput}}. Capacity decides how much load a system can take; what it does beyond that load is a design choice.',
  freeExperiment:
    'Repeat the spike with a queue limit of 20 but retries set to none, then to a retry budget. Which gives users the most successful requests, and which sends the servers the fewest wasted attempts?',
};
