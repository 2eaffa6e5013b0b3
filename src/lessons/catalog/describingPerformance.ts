// Lesson 7: throughput and response time answer different questions; the mean, median and p99
// of one skewed latency distribution tell different stories; and an objective stated on p99
// notices a slow server that one stated on the mean misses.
import type { LessonInput } from '../lessonSchema';
import {
  choice,
  constantFigure,
  ratioFigure,
  runLatency,
  setLoadAction,
  shareAbove,
  since,
  windowFigure,
  type Mark,
} from './builders';

const SETTLE_MS = 3000;
/** From a mark, once the rate has settled, until now. */
const settled = (mark: Mark) => since(mark, SETTLE_MS);
const TARGET_MS = 100;
/** From the histogram step until the learner slows a server: the run before the fault. */
const BEFORE_SLOW = { from: 'step:histogram', to: 'action:slow-server' } as const;

export const describingPerformance: LessonInput = {
  id: 'describing-performance',
  number: 7,
  title: 'Describing performance',
  summary:
    'Throughput says how much a system does; response time says how long each user waits. Read the mean, median and p99 off one histogram, and see why objectives are written as percentiles.',
  minutes: 8,
  scenario: 'default',
  edits: {
    clients: { rateRps: 300 },
    // A long-tailed service time (p99 about ten times the median), as real servers have, and
    // workers enough that one slowed server still keeps up.
    appServers: { workers: 8, serviceTime: { dist: 'lognormal', medianMs: 8, sigma: 1 } },
  },
  steps: [
    {
      id: 'baseline',
      title: 'Two different questions',
      prose:
        'Performance has two sides. **Throughput** is how many requests the system completes per second. **Response time** is how long one user waits, from sending a request to getting the answer. A bank counter that serves many customers an hour can still leave each of them standing in line for a long time.\n\nUsers here send 300 requests per second to four app servers. Press **Play** and watch both numbers for half a minute.',
      only: ['load'],
      observeMs: 30_000,
      figures: [
        windowFigure('baseServed', 'throughput at 300 req/s', 'servedRps', settled('step:baseline')),
        windowFigure('baseP50', 'median response time at 300 req/s', 'p50', settled('step:baseline'), 'median'),
      ],
      reveal: 'The cluster completed {{baseServed}}, and the median request took {{baseP50}}.',
    },
    {
      id: 'double',
      title: 'Twice the load',
      prose: 'Open the **Load** panel and double the request rate to **600** req/s.',
      only: ['load'],
      prediction: choice('What happens to the median response time?', 'same', {
        double: 'It doubles, like the load',
        same: 'It stays about the same',
        half: 'It halves, since throughput doubles',
      }),
      action: setLoadAction({ rateRps: 600 }, 'Set the request rate to 600 req/s.'),
      observeMs: 30_000,
      figures: [
        windowFigure('doubleServed', 'throughput at 600 req/s', 'servedRps', settled('action:double')),
        windowFigure('doubleP50', 'median response time at 600 req/s', 'p50', settled('action:double'), 'median'),
        ratioFigure('servedRatio', 'throughput at 600 over throughput at 300', 'doubleServed', 'baseServed'),
        ratioFigure('p50Ratio', 'median at 600 over median at 300', 'doubleP50', 'baseP50'),
      ],
      reveal:
        'Throughput went from {{baseServed}} to {{doubleServed}} ({{servedRatio}}), while the median response time went from {{baseP50}} to {{doubleP50}} ({{p50Ratio}}). While servers have spare capacity, more load means more work done, not slower work: each request still needs about the same time. The two numbers only become linked near saturation, when requests start waiting for each other (lesson 9). So a system is described by both: how much it can take, and how fast it answers at that load.',
    },
    {
      id: 'histogram',
      title: 'One histogram, three summaries',
      prose:
        'Look at the latency histogram. Most requests are quick, but the bars reach far to the right: a few requests take many times longer than the typical one. Real services look like this too, because of a cache miss, a pause for garbage collection, a packet that had to be sent again.\n\nThree numbers summarize this histogram. The **median** (p50) is the time half of the requests beat. The **mean** is the total time divided by the number of requests. The **p99** is the time 99 requests in 100 beat: one user in a hundred waits longer. Let the run go on for another minute.',
      prediction: choice('Where does the mean fall compared with the median?', 'above', {
        below: 'Below the median',
        equal: 'About on the median',
        above: 'Above the median',
      }),
      observeMs: 60_000,
      figures: [
        runLatency('runMean', 'mean response time', 'latencyMean'),
        runLatency('runP50', 'median response time', 'latencyP50'),
        runLatency('runP99', 'p99 response time', 'latencyP99'),
        runLatency('runP999', 'p99.9 response time', 'latencyP999'),
        ratioFigure('meanOverMedian', 'mean over median', 'runMean', 'runP50'),
        ratioFigure('p99OverMedian', 'p99 over median', 'runP99', 'runP50'),
        shareAbove('runShareAboveTarget', `share of requests slower than ${TARGET_MS} ms`, TARGET_MS),
      ],
      reveal:
        'Over your whole run: median {{runP50}}, mean {{runMean}}, p99 {{runP99}}, p99.9 {{runP999}}. The mean is {{meanOverMedian}} the median, because the few very slow requests pull the total up while moving the median not at all. So the "average" request is slower than the typical one: the mean is not what a typical user experiences. The p99 is {{p99OverMedian}} the median. The slowest requests often belong to the users with the most data or the busiest accounts, so the tail matters more than its size suggests.',
    },
    {
      id: 'slow-server',
      title: 'A slow server',
      prose:
        'Suppose the team promised: "99% of requests finish within **100 ms**". That is a service level objective (SLO) stated on the p99. So far, {{runShareAboveTarget}} of requests were slower than 100 ms, and the promise held.\n\nNow make one server sick without killing it: click any app server and choose **Slow down**, by a factor of **3**. It keeps answering, just three times slower, so the health checks still see it as fine.',
      only: ['slowNode'],
      prediction: choice('Which summary moves the most?', 'p99', {
        median: 'The median',
        mean: 'The mean',
        p99: 'The p99',
      }),
      action: {
        prompt: 'Slow down any app server.',
        match: [{ type: 'slowNode', nodeKind: 'app' }],
        perform: [{ type: 'slowNode', nodeId: 'app-3', factor: 3 }],
      },
      observeMs: 60_000,
      figures: [
        windowFigure('beforeP50', 'median of a second before', 'p50', BEFORE_SLOW, 'median'),
        windowFigure('beforeMean', 'mean before', 'mean', BEFORE_SLOW),
        windowFigure('beforeP99', 'p99 of a second before', 'p99', BEFORE_SLOW, 'median'),
        windowFigure(
          'slowP50',
          'median of a second with a slow server',
          'p50',
          settled('action:slow-server'),
          'median',
        ),
        windowFigure('slowMean', 'mean with a slow server', 'mean', settled('action:slow-server')),
        windowFigure('slowP99', 'p99 of a second with a slow server', 'p99', settled('action:slow-server'), 'median'),
        ratioFigure('slowP50Ratio', 'median after over before', 'slowP50', 'beforeP50'),
        ratioFigure('slowMeanRatio', 'mean after over before', 'slowMean', 'beforeMean'),
        ratioFigure('slowP99Ratio', 'p99 after over before', 'slowP99', 'beforeP99'),
        constantFigure('target', 'latency objective for the p99', TARGET_MS, 'ms'),
      ],
      reveal:
        'The median went from {{beforeP50}} to {{slowP50}} ({{slowP50Ratio}}): three requests in four still go to healthy servers, so the typical user barely notices. The mean went from {{beforeMean}} to {{slowMean}} ({{slowMeanRatio}}), still far below {{target}}. The p99 went from {{beforeP99}} to {{slowP99}} ({{slowP99Ratio}}), and the promise is broken. An objective on the mean or the median would report a healthy service while more than one user in a hundred waits longer than promised. That is why objectives name a percentile and a threshold ("p99 under 100 ms"): it says exactly how many users may be disappointed and by how much, and it can be checked every minute.',
    },
    {
      id: 'recover',
      title: 'Put it right',
      prose:
        'Click the slow server again and set its slow-down factor back to **1**, its normal speed. Watch the p99 fall back under the objective.',
      only: ['slowNode'],
      action: {
        prompt: 'Set the slowed server back to normal speed (factor 1).',
        match: [{ type: 'slowNode', nodeKind: 'app', fields: { factor: 1 } }],
        perform: [{ type: 'slowNode', nodeId: 'app-3', factor: 1 }],
      },
      observeMs: 20_000,
      figures: [
        windowFigure('recoveredP99', 'p99 of a second after recovery', 'p99', settled('action:recover'), 'median'),
      ],
      reveal: 'The typical p99 of a second is back to {{recoveredP99}}.',
    },
  ],
  claims: [
    {
      id: 'throughput-follows-load',
      text: 'Below saturation, doubling the request rate doubles the throughput (not more than 10% less).',
      figure: 'servedRatio',
      op: '>=',
      than: 1.8,
    },
    {
      id: 'throughput-follows-load-upper',
      text: 'Below saturation, doubling the request rate doubles the throughput (not more than 10% more).',
      figure: 'servedRatio',
      op: '<=',
      than: 2.2,
    },
    {
      id: 'median-unmoved-by-load',
      text: 'Below saturation, doubling the request rate raises the median response time by less than 15%.',
      figure: 'p50Ratio',
      op: '<',
      than: 1.15,
    },
    {
      id: 'mean-above-median',
      text: 'With a long-tailed service time the mean is at least 20% above the median.',
      figure: 'meanOverMedian',
      op: '>=',
      than: 1.2,
    },
    {
      id: 'p99-many-medians',
      text: 'With a long-tailed service time the p99 is at least five times the median.',
      figure: 'p99OverMedian',
      op: '>=',
      than: 5,
    },
    {
      id: 'slo-met-before',
      text: 'Before any fault, fewer than 1% of requests are slower than 100 ms: the p99 objective holds.',
      figure: 'runShareAboveTarget',
      op: '<',
      than: 0.01,
    },
    {
      id: 'slow-server-tail',
      text: 'One server in four running three times slower raises the p99 by at least half.',
      figure: 'slowP99Ratio',
      op: '>=',
      than: 1.5,
    },
    {
      id: 'tail-moves-most',
      text: 'The p99 rises by a larger factor than the mean when one server slows down.',
      figure: 'slowP99Ratio',
      op: '>',
      than: { figure: 'slowMeanRatio', times: 1 },
    },
    {
      id: 'slow-server-median',
      text: 'One server in four running three times slower raises the median by less than 30%.',
      figure: 'slowP50Ratio',
      op: '<',
      than: 1.3,
    },
    {
      id: 'mean-hides-it',
      text: 'With one slow server, the mean response time stays below 100 ms, so an objective on the mean would not notice.',
      figure: 'slowMean',
      op: '<',
      than: TARGET_MS,
    },
    {
      id: 'p99-shows-it',
      text: 'With one slow server, the p99 of a typical second is above the 100 ms objective.',
      figure: 'slowP99',
      op: '>',
      than: TARGET_MS,
    },
  ],
  conclusion:
    'You showed that throughput and response time are separate measures: doubling the load took throughput from {{baseServed}} to {{doubleServed}} while the median stayed near {{doubleP50}}. On one long-tailed histogram the mean ({{runMean}}) sat above the median ({{runP50}}), and the p99 was {{p99OverMedian}} the median. When one server slowed down, the median moved {{slowP50Ratio}} and the p99 {{slowP99Ratio}}: only a percentile objective caught the problem.',
  freeExperiment:
    'Switch the load balancer to least-outstanding in the Policy panel and slow a server down again. Does the p99 still break the objective? Which summary tells you?',
};
